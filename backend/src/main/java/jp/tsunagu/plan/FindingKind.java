package jp.tsunagu.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "ISSUE = 課題, TROUBLE = 困りごと, CURRENT_STATE = 現状")
public enum FindingKind {
    ISSUE, TROUBLE, CURRENT_STATE
}

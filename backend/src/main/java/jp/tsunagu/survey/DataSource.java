package jp.tsunagu.survey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "データの入り方。RESPONSES = 個票（回答者ごとの CSV）から集計、PUBLISHED = 公表された得点帯の割合（例: 全国調査）")
public enum DataSource {
    RESPONSES,
    PUBLISHED
}

package jp.tsunagu.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "どこから出てきたか: HEARING = ヒアリング, WORKSHOP = ワークショップ, COUNCIL = 協議体, "
        + "NEEDS_SURVEY = ニーズ調査, STATISTICS = 統計・現状分析, OTHER = その他")
public enum FindingSource {
    HEARING, WORKSHOP, COUNCIL, NEEDS_SURVEY, STATISTICS, OTHER
}

package jp.tsunagu.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** One flat KPI row: indicator × fiscal year × option, with the derived rate and grade. */
@Schema(name = "KpiRow")
public record KpiRow(
        @Schema(examples = "kitakyushu-ikiiki2") String planCode,
        @Schema(examples = "第2次北九州市いきいき長寿プラン") String planTitle,
        @Schema(examples = "[\"②\", \"1\", \"63\"]") List<String> nodeCodes,
        @Schema(examples = "② 高齢者と家族、地域がつながり、支え合うまち > 1 見守り合い・支え合いの地域づくり > 63 いのちをつなぐネットワークの推進") String nodePath,
        @Schema(examples = "kitakyushu-ikiiki2-63-meetings") String indicatorCode,
        @Schema(examples = "地域会合等への参加（回数）") String indicatorName,
        @Schema(examples = "回", nullable = true) String unit,
        Direction direction,
        @Schema(nullable = true) String option,
        @Schema(examples = "2022") int fiscalYear,
        @Schema(nullable = true, examples = "1530") BigDecimal baseline,
        @Schema(nullable = true, examples = "2019") Integer baselineYear,
        @Schema(nullable = true) BigDecimal target,
        @Schema(nullable = true) Marker targetMarker,
        @Schema(nullable = true, examples = "1530") BigDecimal targetInForce,
        @Schema(nullable = true, examples = "1305") BigDecimal actual,
        @Schema(nullable = true) Marker actualMarker,
        @Schema(nullable = true, examples = "85.3") BigDecimal achievementRate,
        @Schema(nullable = true, examples = "B") Grade grade,
        @Schema(nullable = true, examples = "470") BigDecimal changeFromPrevious,
        @Schema(nullable = true) BigDecimal projected,
        @Schema(nullable = true) Boolean onTrack,
        @Schema(description = "指標が未設定（目標を定めない）なら true。評価せず、未評価とは別に数える") boolean notSet,
        @Schema(nullable = true, examples = "地域の主体的な活動のため数値目標になじまない", description = "未設定の理由") String notSetReason,
        @Schema(description = "この行の数値が最後に変わった日時（値・目標・評価の区分・項目名など、行が依存するもののいずれか）") OffsetDateTime updatedAt,
        @Schema(description = "updatedSince で取得したとき、その後になくなった行なら true（キーと名称だけを持つ）") boolean deleted) {
}

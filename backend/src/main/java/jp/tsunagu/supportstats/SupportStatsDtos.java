package jp.tsunagu.supportstats;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** The request and response records of this package. */
final class SupportStatsDtos {
    private SupportStatsDtos() {
    }
}

@Schema(name = "CategoryShare")
record CategoryShare(String category, int count, @Schema(examples = "37.4") BigDecimal percent) {
}

@Schema(name = "SupportStats", description = "集計のみ（個人情報を含みません）")
record SupportStats(AreaRef area, int fiscalYear, @Schema(description = "相談件数") int consultations,
                    @Schema(description = "需給調整件数") int adjustments,
                    @Schema(description = "種類別の割合（相談窓口へつないだものを除く相談に占める割合）") List<CategoryShare> categoryShares,
                    @Schema(description = "登録している担い手") int supportersRegistered,
                    @Schema(description = "活動中の担い手") int supportersActive) {
}

@Schema(name = "SupportStatRuleRequest", description = "指標の実績値を、地域（とその下の地区）の支援統計から年度ごとに算出する規則")
record SupportStatRuleRequest(@jakarta.validation.constraints.NotBlank @Schema(examples = "40100", description = "地域のコードまたは名前") String areaCode,
                              @jakarta.validation.constraints.NotNull @Schema(examples = "CONSULTATIONS") SupportStatistic statistic,
                              @Schema(nullable = true, examples = "GARBAGE", description = "種類別の割合のときの困りごとの種類") String categoryCode) {
}

@Schema(name = "SupportStatRuleResponse")
record SupportStatRuleResponse(@Schema(examples = "kitakyushu-ikiiki2-66-consultations") String indicatorCode, String indicatorName,
                               AreaRef area, SupportStatistic statistic,
                               @Schema(nullable = true, examples = "GARBAGE") String categoryCode,
                               @Schema(nullable = true, examples = "ゴミ出し") String categoryName,
                               @Schema(description = "算出した実績値の出どころ（実績値の source と同じもの）") jp.tsunagu.indicator.ValueSource source,
                               java.time.OffsetDateTime updatedAt, String updatedBy) {
}

@Schema(name = "SupportStatRuleList")
record SupportStatRuleList(java.util.List<SupportStatRuleResponse> items) {
}

@Schema(name = "SupportStatsYears", description = "記録のある年度（新しい順。まだなければ今年度だけ）")
record SupportStatsYears(jp.tsunagu.area.AreaRef area, @Schema(examples = "[2021, 2020]") java.util.List<Integer> fiscalYears) {
}

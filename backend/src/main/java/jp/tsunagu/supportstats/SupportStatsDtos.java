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
                    @Schema(description = "報告の見出し別の割合（同行（買物・通院等）など、種類をまとめた見出しごと）") List<HeadingShare> headingShares,
                    @Schema(description = "登録している担い手") int supportersRegistered,
                    @Schema(description = "活動中の担い手") int supportersActive,
                    @Schema(nullable = true, description = "地域生活支援相談員（校区の取り組み概要の人数の合計。概要がなければ null）") Integer counselors,
                    @Schema(description = "延べ活動時間（その年度の活動記録の分の合計）") int activityMinutes) {
}

@Schema(name = "DistrictProfileRequest", description = "校区の取り組み概要（相談員の人数・主な生活支援・有償か・成果を書かれたとおりに）。更新では version が必要")
record DistrictProfileRequest(@NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(999) @Schema(examples = "2") Integer counselors,
                              @jakarta.validation.constraints.Size(max = 2000) @Schema(nullable = true, examples = "ゴミ出し、掃除、買い物、通院同行 他") String mainSupport,
                              @Schema(nullable = true) OfferedPayment payment,
                              @jakarta.validation.constraints.Size(max = 4000) @Schema(nullable = true, examples = "◎「たかすちょこっと応援タイ」(32名)") String outcomes,
                              @Schema(nullable = true, examples = "0") Long version) {
}

@Schema(name = "DistrictProfileResponse")
record DistrictProfileResponse(AreaRef area, @Schema(examples = "2020") int fiscalYear, @Schema(examples = "2") int counselors,
                               @Schema(nullable = true) String mainSupport, @Schema(nullable = true) OfferedPayment payment,
                               @Schema(nullable = true) String outcomes, long version, java.time.OffsetDateTime updatedAt,
                               @Schema(nullable = true) String updatedBy) {

    static DistrictProfileResponse of(DistrictProfile p) {
        return new DistrictProfileResponse(AreaRef.of(p.area), p.fiscalYear, p.counselors, p.mainSupport, p.payment, p.outcomes, p.version,
                p.updatedAt, p.updatedBy);
    }
}

@Schema(name = "DistrictProfileList")
record DistrictProfileList(List<DistrictProfileResponse> items) {
}

@Schema(name = "HeadingShare", description = "報告の見出しごとの件数と割合")
record HeadingShare(@Schema(examples = "同行（買物・通院等）") String heading, @Schema(examples = "[\"買い物同行\", \"通院同行\"]") List<String> categories,
                    int count, @Schema(examples = "1.1") BigDecimal percent) {
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

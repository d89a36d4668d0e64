package jp.tsunagu.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.area.AreaRef;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

final class SurveyDtos {
    private SurveyDtos() {
    }
}

@Schema(name = "BandShare", description = "得点帯ひとつの人数と割合（割合は小数第1位、四捨五入）")
record BandShare(SurveyBand band, @Schema(examples = "7〜9点（時々ある）") String label,
                 @Schema(nullable = true, description = "人数（個票から集計したときだけ。公表値なら null）", examples = "296") Long count,
                 @Schema(nullable = true, examples = "34.3") BigDecimal percent) {
}

@Schema(name = "SurveyFeed", description = "このアンケートが実績値を与える指標と、その規則（得点帯の割合）")
record SurveyFeed(@Schema(examples = "kumamoto-5th-iv-3") String indicatorCode,
                  @Schema(examples = "孤独感の程度が高い市民の割合") String indicatorName,
                  @Schema(examples = "kumamoto-5th") String planCode,
                  @Schema(examples = "[\"SCORE_7_9\", \"SCORE_10_12\"]") List<SurveyBand> bands,
                  @Schema(nullable = true, description = "算出された実績値（%）。データがまだなければ null", examples = "37.4") BigDecimal value) {
}

@Schema(name = "SurveyResponse", description = "アンケートと、その得点帯の分布（集計値のみ。個票は返しません）")
record SurveyResponse(@Schema(examples = "kumamoto-r6") String code,
                      @Schema(examples = "熊本市 第5次地域福祉計画策定アンケート（R6）") String title,
                      @Schema(examples = "2023") int fiscalYear,
                      @Schema(nullable = true, description = "対象地域（全国調査なら null）") AreaRef area,
                      @Schema(nullable = true, examples = "熊本市") String conductedBy,
                      Instrument instrument, DataSource dataSource,
                      @Schema(nullable = true, description = "回答者数（公表値で不明なら null）", examples = "864") Long respondents,
                      @Schema(description = "得点帯の分布。データがまだなければ空") List<BandShare> distribution,
                      @Schema(description = "内訳に使える属性（個票の列名）", examples = "[\"年代\", \"性別\", \"区\"]") List<String> attributes,
                      @Schema(nullable = true, examples = "national-r5", description = "比較の基準にするアンケート") String referenceCode,
                      @Schema(nullable = true, examples = "孤独・孤立の実態把握に関する全国調査（R5）") String referenceTitle,
                      @Schema(nullable = true) SurveyFeed feeds,
                      long version, OffsetDateTime updatedAt, String updatedBy) {
}

@Schema(name = "SurveyList")
record SurveyList(List<SurveyResponse> items) {
}

@Schema(name = "CreateSurveyRequest", description = "アンケートの登録。dataSource=PUBLISHED なら published に公表値を入れられます（後から PUT でも可）")
record CreateSurveyRequest(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "英小文字・数字・ハイフンで指定してください")
        @Schema(examples = "kumamoto-r7") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "熊本市 市民アンケート（R7）") String title,
        @NotNull @Min(1989) @Max(2200) @Schema(examples = "2025") Integer fiscalYear,
        @Size(max = 64) @Schema(nullable = true, examples = "43100", description = "対象地域のコードまたは名前（全国調査なら省略）") String areaCode,
        @Size(max = 100) @Schema(nullable = true, examples = "熊本市") String conductedBy,
        @NotNull @Schema(examples = "UCLA3") Instrument instrument,
        @NotNull @Schema(examples = "RESPONSES") DataSource dataSource,
        @Size(max = 60) @Schema(nullable = true, examples = "national-r5") String referenceCode,
        @Valid @Schema(nullable = true) PublishedDistributionRequest published) {
}

@Schema(name = "UpdateSurveyRequest")
record UpdateSurveyRequest(@NotBlank @Size(max = 200) String title,
                           @Size(max = 100) @Schema(nullable = true) String conductedBy,
                           @Size(max = 60) @Schema(nullable = true, examples = "national-r5") String referenceCode,
                           @NotNull @Schema(examples = "0") Long version) {
}

@Schema(name = "PublishedShareRequest")
record PublishedShareRequest(@NotNull SurveyBand band,
                             @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(examples = "34.3") BigDecimal percent) {
}

@Schema(name = "PublishedDistributionRequest", description = "公表された得点帯の割合（% 小数第1位まで）。全部の帯を入れ、合計は四捨五入の誤差（100±1.0）に収めます")
record PublishedDistributionRequest(@NotEmpty @Size(max = 5) List<@Valid @NotNull PublishedShareRequest> shares,
                                    @Min(1) @Schema(nullable = true, examples = "2000", description = "回答者数（分かれば）") Integer respondents) {
}

@Schema(name = "SurveyRuleRequest", description = "指標の実績値をこのアンケートから算出する規則: 指定した得点帯の回答者の割合（無回答を含む全回答者が分母）")
record SurveyRuleRequest(@NotBlank @Schema(examples = "kumamoto-5th-iv-3") String indicatorCode,
                         @NotEmpty @Size(max = 5) @Schema(examples = "[\"SCORE_7_9\", \"SCORE_10_12\"]") List<@NotNull SurveyBand> bands) {
}

@Schema(name = "ComparisonRow", description = "得点帯ごとの差（ポイント。公表資料と同じく、四捨五入した割合どうしの差）")
record ComparisonRow(SurveyBand band, String label, @Schema(nullable = true, examples = "3.1") BigDecimal percent,
                     @Schema(nullable = true, examples = "6.9") BigDecimal referencePercent,
                     @Schema(nullable = true, examples = "-3.8") BigDecimal differencePoints) {
}

@Schema(name = "SurveyComparison")
record SurveyComparison(String surveyCode, String surveyTitle, String referenceCode, String referenceTitle, List<ComparisonRow> rows) {
}

@Schema(name = "BreakdownCell", description = "内訳のひとつの升目。回答者が 10 人未満の升目と、引き算で分かってしまう升目は伏せます（suppressed）")
record BreakdownCell(SurveyBand band, @Schema(nullable = true) Long count, @Schema(nullable = true) BigDecimal percent, boolean suppressed) {
}

@Schema(name = "BreakdownGroup")
record BreakdownGroup(@Schema(examples = "70歳以上", description = "属性の値（空欄は「（回答なし）」）") String value,
                      @Schema(nullable = true, description = "この群の回答者数（伏せた群は null）") Long respondents,
                      boolean suppressed, List<BreakdownCell> cells) {
}

@Schema(name = "SurveyBreakdown", description = "属性別の得点帯分布（集計のみ。小さい升目は伏せています）")
record SurveyBreakdown(String surveyCode, @Schema(examples = "年代") String attribute,
                       @Schema(examples = "10", description = "これ未満の升目は伏せる") int minimumCell,
                       List<BreakdownGroup> groups) {
}

@Schema(name = "ImportIssue")
record ImportIssue(@Schema(description = "ファイルの行番号（ファイル全体の問題なら 0）", examples = "12") int line,
                   @Schema(nullable = true, examples = "q2") String column,
                   @Schema(examples = "12 行目 q2: 「5」は回答として読めません") String message) {
}

@Schema(name = "SurveyImportReport", description = "個票の取込結果（試行でも同じ形）。個票そのものは含みません")
record SurveyImportReport(boolean committed, @Schema(examples = "864") int respondents,
                          @Schema(description = "内訳に使う属性列") List<String> attributes,
                          @Schema(description = "個人を特定しうるため取り込まない列") List<String> ignoredColumns,
                          @Schema(description = "この内容で集計した分布") List<BandShare> distribution,
                          @Schema(description = "問題のある行の総数") int errorCount,
                          @Schema(description = "問題（先頭の 100 件まで）") List<ImportIssue> errors) {
}

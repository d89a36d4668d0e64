package jp.tsunagu.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

final class IndicatorDtos {
    private IndicatorDtos() {
    }
}

@Schema(name = "Disaggregation", description = "内訳（例: 開催頻度 月4回以上 / 月2回以上 / 月1回以上）。additive なら合計は内訳の和")
record DisaggregationDto(@NotBlank @Size(max = 60) @Schema(examples = "開催頻度") String name,
                         @Schema(examples = "true") boolean additive,
                         @NotNull @Size(min = 2, max = 20) @Schema(examples = "[\"月4回以上\", \"月2回以上\", \"月1回以上\"]")
                         List<@NotBlank @Size(max = 60) String> options) {
}

@Schema(name = "CreateIndicatorRequest")
record CreateIndicatorRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "英数字と . _ - で指定してください")
        @Schema(examples = "kitakyushu-ikiiki2-63-meetings") String code,
        @NotBlank @Schema(examples = "kitakyushu-ikiiki2") String planCode,
        @NotBlank @Schema(examples = "63") String nodeCode,
        @NotBlank @Size(max = 300) @Schema(examples = "地域会合等への参加（回数）") String name,
        @Size(max = 40) @Schema(examples = "回", nullable = true, description = "未設定でなければ必須") String unit,
        @Schema(examples = "MAINTAIN", nullable = true, description = "未設定でなければ必須") Direction direction,
        @Schema(nullable = true, description = "指標設定の考え方") String rationale,
        @Schema(description = "未設定（理由つき）") boolean notSet,
        @Schema(nullable = true, examples = "安心安全を確保するための事業であり、定量効果や定性効果を求めるものではない") String notSetReason,
        @Valid @Schema(nullable = true) DisaggregationDto disaggregation) {
}

@Schema(name = "UpdateIndicatorRequest")
record UpdateIndicatorRequest(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 40) @Schema(nullable = true) String unit,
        @Schema(nullable = true) Direction direction,
        @Schema(nullable = true) String rationale,
        boolean notSet,
        @Schema(nullable = true) String notSetReason,
        @NotNull Long version) {
}

@Schema(name = "IndicatorValueResponse")
record IndicatorValueResponse(@Schema(examples = "2022") int fiscalYear, @Schema(nullable = true, examples = "月4回以上") String option,
                              ValueKind kind, @Schema(nullable = true, examples = "1305") BigDecimal value,
                              @Schema(nullable = true) Marker marker, long version, OffsetDateTime updatedAt, String updatedBy,
                              @Schema(nullable = true) ValueSource source) {

    static IndicatorValueResponse of(IndicatorValue v) {
        return new IndicatorValueResponse(v.fiscalYear, v.optionName(), v.kind, v.value, v.marker, v.version, v.updatedAt, v.updatedBy, ValueSource.of(v.source));
    }
}

@Schema(name = "SeriesRow", description = "年度ごとの導出値（目標の解決、達成率、評価、前年差、見通し）")
record SeriesRow(@Schema(nullable = true) String option, int fiscalYear,
                 @Schema(nullable = true) BigDecimal baseline, @Schema(nullable = true) Integer baselineYear,
                 @Schema(nullable = true) BigDecimal target, @Schema(nullable = true) Marker targetMarker,
                 @Schema(nullable = true, description = "記号を解決した目標値") BigDecimal targetInForce,
                 @Schema(nullable = true, description = "達成率の基準にした目標の年度") Integer referenceYear,
                 @Schema(nullable = true) BigDecimal actual, @Schema(nullable = true) Marker actualMarker,
                 @Schema(nullable = true, description = "達成率（%）") BigDecimal achievementRate,
                 @Schema(nullable = true, examples = "B") Grade grade,
                 @Schema(nullable = true, description = "前年度からの増減") BigDecimal changeFromPrevious,
                 @Schema(nullable = true, description = "実績の傾向から見た見込み") BigDecimal projected,
                 @Schema(nullable = true, description = "見込みが目標に届くか") Boolean onTrack) {

    static SeriesRow of(String option, Achievement.Row r) {
        return new SeriesRow(option, r.fiscalYear(), r.baseline(), r.baselineYear(), r.target(), r.targetMarker(), r.targetInForce(),
                r.referenceYear(), r.actual(), r.actualMarker(), r.achievementRate(), r.grade(), r.changeFromPrevious(),
                r.projected(), r.onTrack());
    }
}

@Schema(name = "IndicatorResponse")
record IndicatorResponse(String code, String planCode, String planTitle, String nodeCode, String nodeTitle,
                         String name, @Schema(nullable = true) String unit, @Schema(nullable = true) Direction direction,
                         @Schema(nullable = true) String rationale,
                         boolean notSet, @Schema(nullable = true) String notSetReason,
                         @Schema(nullable = true) DisaggregationDto disaggregation,
                         List<IndicatorValueResponse> values, List<SeriesRow> series, long version,
                         @Schema(nullable = true, examples = "sc-activities", description = "結び付けた共通の指標定義のコード（市の比較）。なければ null")
                         String definitionCode) {
}

@Schema(name = "PutValueRequest", description = "値（value）か記号（marker）のどちらか。両方 null なら未報告に戻す")
record PutValueRequest(
        @NotNull @Schema(examples = "ACTUAL") ValueKind kind,
        @Size(max = 60) @Schema(nullable = true, examples = "月4回以上", description = "内訳の選択肢（合計なら null）") String option,
        @Schema(nullable = true, examples = "1305") BigDecimal value,
        @Schema(nullable = true) Marker marker,
        @Schema(nullable = true, description = "読み込んだときの版。指定すると古ければ 409") Long version) {
}

@Schema(name = "BatchValueRow")
record BatchValueRow(
        @NotBlank @Schema(examples = "kitakyushu-ikiiki2-63-meetings") String indicatorCode,
        @NotNull @Min(1989) @Max(2200) @Schema(examples = "2022") Integer fiscalYear,
        @NotNull ValueKind kind,
        @Size(max = 60) @Schema(nullable = true) String option,
        @Schema(nullable = true, examples = "1305") BigDecimal value,
        @Schema(nullable = true) Marker marker) {
}

@Schema(name = "BatchValuesRequest")
record BatchValuesRequest(@NotNull @Size(min = 1, max = 10000) List<@Valid @NotNull BatchValueRow> rows) {
}

@Schema(name = "BatchValuesResponse")
record BatchValuesResponse(@Schema(examples = "3") int created, @Schema(examples = "1") int updated,
                           @Schema(examples = "0") int cleared, @Schema(examples = "5") int unchanged) {
}

@Schema(name = "ValueChangeResponse", description = "値の変更履歴（誰が・いつ・旧→新、出どころ origin: 手入力・取込・支援統計・アンケート・システム連携。記録を始める前の変更は null）")
record ValueChangeResponse(@Schema(examples = "kitakyushu-ikiiki2-63-1") String indicatorCode,
                           @Schema(examples = "地域会合等への参加（回数）") String indicatorName, int fiscalYear, @Schema(nullable = true) String option, ValueKind kind,
                           @Schema(nullable = true) BigDecimal oldValue, @Schema(nullable = true) Marker oldMarker,
                           @Schema(nullable = true) BigDecimal newValue, @Schema(nullable = true) Marker newMarker,
                           String changedBy, OffsetDateTime changedAt,
                           @Schema(nullable = true) ValueOrigin origin,
                           @Schema(nullable = true, examples = "実績連携", description = "システム連携ならトークンの名前、取込ならその種類、算出ならアンケートのコードや地区") String originName) {
}

@Schema(name = "ValueChangeList")
record ValueChangeList(List<ValueChangeResponse> items) {
}

@Schema(name = "CatalogueEntry", description = "指標の一覧の 1 件：どの計画のどこにあり、何をどう測るか")
record CatalogueEntry(String code, String name, @Schema(nullable = true) String unit, @Schema(nullable = true) Direction direction,
                      String planCode, String planTitle, String nodeCode,
                      @Schema(description = "計画の木での位置（基本目標から指標のある項目まで、見出しの順）") List<String> path,
                      @Schema(nullable = true) DisaggregationDto disaggregation,
                      @Schema(nullable = true, description = "実績が算出されるとき、その出どころ（入力する指標は null）") ValueSource source,
                      boolean notSet, @Schema(nullable = true, description = "目標を設定しない理由") String notSetReason,
                      java.time.OffsetDateTime updatedAt) {
}

@Schema(name = "IndicatorCatalogue")
record IndicatorCatalogue(List<CatalogueEntry> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
}

package jp.tsunagu.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "IndicatorDefinition", description = "共通の指標定義。計画や市が違っても同じものを測る指標をつなぐ")
record IndicatorDefinitionDto(@Schema(examples = "sc-activities") String code,
                              @Schema(examples = "生活支援コーディネーターの活動回数") String name,
                              @Schema(nullable = true, examples = "回") String unit,
                              @Schema(nullable = true) String description,
                              @Schema(description = "この定義につながる指標の数") int indicators) {
}

@Schema(name = "IndicatorDefinitionList")
record IndicatorDefinitionList(List<IndicatorDefinitionDto> items) {
}

@Schema(name = "CreateIndicatorDefinitionRequest")
record CreateIndicatorDefinitionRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "英数字と . _ - で指定してください")
        @Schema(examples = "sc-activities") String code,
        @NotBlank @Size(max = 300) @Schema(examples = "生活支援コーディネーターの活動回数") String name,
        @Size(max = 40) @Schema(nullable = true, examples = "回") String unit,
        @Size(max = 2000) @Schema(nullable = true) String description) {
}

@Schema(name = "IndicatorDefinitionLink", description = "指標を共通の定義につなぐ（null で外す）")
record IndicatorDefinitionLink(@Size(max = 100) @Schema(nullable = true, examples = "sc-activities") String definition) {
}

@Schema(name = "IndicatorDefinitionLinkResponse")
record IndicatorDefinitionLinkResponse(String indicatorCode, @Schema(nullable = true) String definition) {
}

@Schema(name = "OlderPopulationRequest")
record OlderPopulationRequest(@NotNull @Min(1) @Max(100_000_000) @Schema(examples = "276000", description = "65歳以上人口（人）") Integer population) {
}

@Schema(name = "OlderPopulation")
record OlderPopulationDto(@Schema(examples = "40100") String areaCode, @Schema(examples = "北九州市") String areaName,
                          @Schema(examples = "2022") int fiscalYear, @Schema(examples = "276000") int population) {
}

@Schema(name = "KpiComparisonItem", description = "1 つの市（計画）のその年度の値")
record KpiComparisonItem(@Schema(examples = "40100") String cityCode, @Schema(examples = "北九州市") String cityName,
                         String planCode, String planTitle, String indicatorCode, String indicatorName,
                         @Schema(nullable = true) String unit,
                         @Schema(nullable = true, description = "実績") BigDecimal actual,
                         @Schema(nullable = true, description = "その年度に効いている目標") BigDecimal target,
                         @Schema(nullable = true, description = "達成率（%）") BigDecimal achievementRate,
                         @Schema(nullable = true) Grade grade,
                         @Schema(nullable = true, description = "65歳以上人口（登録があれば）") Integer olderPopulation,
                         @Schema(nullable = true, description = "高齢者 1 万人あたりの実績") BigDecimal actualPer10000,
                         @Schema(nullable = true, description = "高齢者 1 万人あたりの目標") BigDecimal targetPer10000) {
}

@Schema(name = "KpiComparison")
record KpiComparison(IndicatorDefinitionDto definition, @Schema(examples = "2022") int fiscalYear, List<KpiComparisonItem> items) {
}

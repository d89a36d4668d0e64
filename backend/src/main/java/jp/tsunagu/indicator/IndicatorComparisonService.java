package jp.tsunagu.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaKind;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Cities side by side: shared indicator definitions, the indicators linked to them, and each city's value, target,
 * rate and grade for a year, per 10,000 older residents where the city's older population is recorded.
 */
@ApplicationScoped
class IndicatorComparisonService {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final IndicatorDefinitions definitions;
    private final KpiQuery kpis;
    private final AreaService areas;

    IndicatorComparisonService(IndicatorDefinitions definitions, KpiQuery kpis, AreaService areas) {
        this.definitions = definitions;
        this.kpis = kpis;
        this.areas = areas;
    }

    IndicatorDefinitionList list() {
        return new IndicatorDefinitionList(definitions.list());
    }

    IndicatorDefinitionDto create(CreateIndicatorDefinitionRequest r, String actor) {
        CreateIndicatorDefinitionRequest clean = new CreateIndicatorDefinitionRequest(r.code().strip(), r.name().strip(),
                Strings.strippedOrNull(r.unit()), Strings.strippedOrNull(r.description()));
        if (!definitions.create(clean, actor)) {
            throw ProblemException.conflict("definition-exists", "共通の指標定義 " + clean.code() + " はすでにあります。");
        }
        return definitions.find(clean.code()).orElseThrow();
    }

    IndicatorDefinitionLinkResponse link(String indicatorCode, IndicatorDefinitionLink link) {
        String definition = Strings.strippedOrNull(link.definition());
        if (definition != null && definitions.find(definition).isEmpty()) {
            throw ProblemException.unprocessable("definition-not-found", "definition", "共通の指標定義 " + definition + " はありません");
        }
        if (!definitions.link(indicatorCode, definition)) {
            throw ProblemException.notFound("indicator-not-found", "指標 " + indicatorCode + " はありません。");
        }
        return new IndicatorDefinitionLinkResponse(indicatorCode, definition);
    }

    OlderPopulationDto putOlderPopulation(String areaCode, int fiscalYear, int population, String actor) {
        if (fiscalYear < 1989 || fiscalYear > 2200) {
            throw ProblemException.invalid("fiscalYear", "1989〜2200 の年度で指定してください");
        }
        Area area = areas.find(areaCode).orElseThrow(() -> ProblemException.notFound("area-not-found", "地域 " + areaCode + " はありません。"));
        if (area.kind != AreaKind.CITY) {
            throw ProblemException.unprocessable("not-a-city", "area", "高齢者人口は市（CITY）の地域に登録します");
        }
        definitions.putOlderPopulation(area.id, fiscalYear, population, actor);
        return new OlderPopulationDto(area.code, area.name, fiscalYear, population);
    }

    KpiComparison compare(String definitionCode, Integer fiscalYear) {
        if (Strings.absent(definitionCode)) {
            throw ProblemException.invalid("definition", "必須項目です");
        }
        if (fiscalYear == null) {
            throw ProblemException.invalid("fiscalYear", "必須項目です");
        }
        IndicatorDefinitionDto definition = definitions.find(definitionCode.strip()).orElseThrow(() ->
                ProblemException.notFound("definition-not-found", "共通の指標定義 " + definitionCode + " はありません。"));
        List<KpiComparisonItem> items = new ArrayList<>();
        for (IndicatorDefinitions.Linked l : definitions.linked(definition.code())) {
            KpiRow[] total = {null};
            kpis.stream(new KpiQuery.Filter(null, null, fiscalYear, fiscalYear, null, null, null, l.indicatorCode()), (row, position) -> {
                if (row.option() == null) {
                    total[0] = row;
                }
                return true;
            });
            KpiRow r = total[0];
            OptionalInt population = definitions.olderPopulation(l.cityId(), fiscalYear);
            BigDecimal actual = r == null ? null : r.actual();
            BigDecimal target = r == null ? null : r.targetInForce();
            items.add(new KpiComparisonItem(l.cityCode(), l.cityName(), l.planCode(), l.planTitle(), l.indicatorCode(), l.indicatorName(),
                    l.unit(), actual, target, r == null ? null : r.achievementRate(), r == null ? null : r.grade(),
                    population.isPresent() ? population.getAsInt() : null, per10000(actual, population), per10000(target, population)));
        }
        return new KpiComparison(definition, fiscalYear, items);
    }

    private static BigDecimal per10000(BigDecimal value, OptionalInt population) {
        if (value == null || population.isEmpty()) {
            return null;
        }
        return value.multiply(TEN_THOUSAND).divide(BigDecimal.valueOf(population.getAsInt()), 2, RoundingMode.HALF_UP);
    }
}

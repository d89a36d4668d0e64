package jp.tsunagu.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanService;
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.LocalGovernmentCodes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open dataset of a published plan: one row per indicator × 内訳 × fiscal year, in the 自治体標準オープンデータセット
 * manner (全国地方公共団体コード with its check digit, 都道府県名, 市区町村名 first; one header row in Japanese; dates in
 * ISO 8601; the fiscal year both as 年度 and as the western year), with its description and column schema.
 */
@ApplicationScoped
class OpenDataService {

    static final String LICENSE = "CC BY 4.0";
    static final String LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.ja";
    private static final ZoneId JAPAN = jp.tsunagu.shared.FiscalYears.JAPAN;

    /** The columns: name, Table Schema type, description. */
    static final List<String[]> COLUMNS = List.of(
            new String[]{"全国地方公共団体コード", "string", "6 桁（5 桁のコードと検査数字）"},
            new String[]{"都道府県名", "string", "計画を作った自治体の都道府県"},
            new String[]{"市区町村名", "string", "計画を作った自治体"},
            new String[]{"計画コード", "string", "計画の識別子"},
            new String[]{"計画名", "string", "計画の名前"},
            new String[]{"項目", "string", "指標のある計画の項目（基本目標から、> で区切る）"},
            new String[]{"指標コード", "string", "指標の識別子"},
            new String[]{"指標名", "string", "指標の名前"},
            new String[]{"単位", "string", "値の単位"},
            new String[]{"方向", "string", "増やす・減らす・維持する"},
            new String[]{"内訳", "string", "内訳の選択肢（合計なら空）"},
            new String[]{"年度", "string", "和暦の年度（令和4年度）"},
            new String[]{"西暦年度", "integer", "西暦の年度（4 月始まり。2022 は 2022 年 4 月〜2023 年 3 月）"},
            new String[]{"基準値", "number", "計画の基準値"},
            new String[]{"基準年度", "integer", "基準値の年度（西暦）"},
            new String[]{"目標値", "number", "この年度の目標値（その年度になければ直前の目標）"},
            new String[]{"実績値", "number", "この年度の実績値"},
            new String[]{"達成率", "number", "実績値の目標値に対する達成率（%）"},
            new String[]{"評価", "string", "A・B・C・D（計画の閾値による）"},
            new String[]{"目標の設定", "string", "未設定のときその理由（目標を定めない指標）"},
            new String[]{"値の出どころ", "string", "入力、または算出の出どころ（市民アンケート、地域生活支援の統計）"},
            new String[]{"更新日", "date", "この行の値が最後に変わった日（ISO 8601）"});

    private final KpiQuery query;
    private final PlanService plans;
    private final IndicatorRepository indicators;

    OpenDataService(KpiQuery query, PlanService plans, IndicatorRepository indicators) {
        this.query = query;
        this.plans = plans;
        this.indicators = indicators;
    }

    @Transactional
    OpenDataResource.OpenDataCatalogue catalogue() {
        return new OpenDataResource.OpenDataCatalogue(LICENSE, plans.published().stream().map(p -> {
            String base = "/open-data/v1/plans/" + p.code;
            String code = LocalGovernmentCodes.withCheckDigit(p.city.code);
            return new OpenDataResource.OpenDataPlan(p.code, p.title, code, LocalGovernmentCodes.prefecture(p.city.code), p.city.name,
                    p.publishedAt, base + "/dataset.json", base + "/indicators.csv", base + "/schema.json");
        }).toList());
    }

    /** Changes with any value, indicator, node or the plan itself (publishing included). */
    @Transactional
    String etag(String planCode) {
        Plan plan = plans.requirePublished(planCode);
        return query.etag(filter(planCode), "open-data|" + plan.publishedAt);
    }

    /** What the rows share, read in a transaction of its own before the rows stream (KpiQuery reads outside one). */
    private record Header(String code, String prefecture, String municipality, Map<String, String> sources) {
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void writeCsv(String planCode, OutputStream out) throws IOException {
        Header h = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = plans.requirePublished(planCode);
            return new Header(LocalGovernmentCodes.withCheckDigit(plan.city.code), LocalGovernmentCodes.prefecture(plan.city.code),
                    plan.city.name, sources(plan));
        });
        String code = h.code();
        String prefecture = h.prefecture();
        String municipality = h.municipality();
        Map<String, String> sources = h.sources();
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
        csv.printRecord(COLUMNS.stream().map(c -> c[0]).toList());
        query.stream(filter(planCode), (row, position) -> {
            try {
                csv.printRecord(code, prefecture, municipality, row.planCode(), row.planTitle(), row.nodePath(), row.indicatorCode(),
                        row.indicatorName(), row.unit(), direction(row.direction()), row.option(), FiscalYears.format(row.fiscalYear()),
                        row.fiscalYear(), plain(row.baseline()), row.baselineYear(), plain(row.targetInForce()), plain(row.actual()),
                        plain(row.achievementRate()), row.grade(), row.notSet() ? "未設定: " + (row.notSetReason() == null ? "" : row.notSetReason()) : "",
                        source(sources.get(row.indicatorCode())),
                        row.updatedAt() == null ? null : row.updatedAt().atZoneSameInstant(JAPAN).toLocalDate());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
        csv.flush();
    }

    /** A DCAT-style description of the dataset: title, licence, publisher, dates, the distribution and its columns. */
    @Transactional
    Map<String, Object> dataset(String planCode) {
        Plan plan = plans.requirePublished(planCode);
        String base = "/open-data/v1/plans/" + plan.code;
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "foaf:Organization");
        publisher.put("foaf:name", plan.city.name);
        publisher.put("全国地方公共団体コード", LocalGovernmentCodes.withCheckDigit(plan.city.code));
        publisher.put("都道府県名", LocalGovernmentCodes.prefecture(plan.city.code));
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution.put("@type", "dcat:Distribution");
        distribution.put("dct:title", plan.title + " 指標と年度ごとの値（CSV）");
        distribution.put("dcat:downloadURL", base + "/indicators.csv");
        distribution.put("dcat:mediaType", "text/csv");
        distribution.put("dct:format", "CSV（UTF-8、BOM つき）");
        distribution.put("dct:conformsTo", base + "/schema.json");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/", "foaf", "http://xmlns.com/foaf/0.1/"));
        d.put("@type", "dcat:Dataset");
        d.put("dct:identifier", plan.code);
        d.put("dct:title", plan.title + " 指標の進み具合");
        d.put("dct:description", plan.title + "（" + plan.periodStart + "〜" + plan.periodEnd + "年度）の指標について、基準値・年度ごとの目標値と実績値・達成率・評価。"
                + "個人の情報と市民アンケートの内訳は含みません。");
        d.put("dct:publisher", publisher);
        d.put("dct:license", LICENSE_URL);
        d.put("dct:rights", LICENSE);
        d.put("dct:issued", plan.publishedAt.atZoneSameInstant(JAPAN).toLocalDate().toString());
        d.put("dct:modified", plan.updatedAt.atZoneSameInstant(JAPAN).toLocalDate().toString());
        d.put("dct:temporal", Map.of("dcat:startDate", plan.periodStart + "-04-01", "dcat:endDate", (plan.periodEnd + 1) + "-03-31"));
        d.put("dcat:distribution", List.of(distribution));
        d.put("columns", columns());
        return d;
    }

    /** The CSV's columns as a Frictionless Table Schema. */
    @Transactional
    Map<String, Object> schema(String planCode) {
        plans.requirePublished(planCode);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fields", columns());
        s.put("primaryKey", List.of("指標コード", "内訳", "西暦年度"));
        s.put("missingValues", List.of(""));
        return s;
    }

    private static List<Map<String, Object>> columns() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] c : COLUMNS) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", c[0]);
            f.put("type", c[1]);
            f.put("description", c[2]);
            if (c[0].equals("全国地方公共団体コード")) {
                f.put("constraints", Map.of("pattern", "^[0-9]{6}$"));
            }
            out.add(f);
        }
        return out;
    }

    private Map<String, String> sources(Plan plan) {
        List<Indicator> on = indicators.onPlan(plan);
        Map<Long, String> byId = indicators.sources(on);
        Map<String, String> out = new LinkedHashMap<>();
        on.forEach(i -> out.put(i.code, byId.get(i.id)));
        return out;
    }

    private static KpiQuery.Filter filter(String plan) {
        return new KpiQuery.Filter(plan, null, null, null, null, null, null, null);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String direction(Direction d) {
        return d == null ? null : switch (d) {
            case INCREASE -> "増やす";
            case DECREASE -> "減らす";
            case MAINTAIN -> "維持する";
        };
    }

    private static String source(String key) {
        ValueSource s = ValueSource.of(key);
        if (s == null) {
            return "入力";
        }
        return switch (s.kind()) {
            case SURVEY -> "市民アンケート（" + s.survey().code() + "）の全体の集計（内訳は公開しません）";
            case SUPPORT_STATS -> "地域生活支援の統計（" + s.supportStats().areaCode() + "）";
            case OTHER -> "算出";
        };
    }
}

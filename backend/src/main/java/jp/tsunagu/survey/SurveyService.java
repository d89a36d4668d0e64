package jp.tsunagu.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.area.AreaReferences;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.indicator.Indicator;
import jp.tsunagu.indicator.IndicatorService;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Surveys, their data (responses or a published distribution), comparisons, breakdowns with small
 * cells suppressed, and the rule that turns a band share into an indicator's actual.
 */
@ApplicationScoped
public class SurveyService implements AreaReferences {

    /** Breakdown groups beyond this are too many to be meaningful (free text, dates …). */
    static final int MAX_GROUPS = 60;
    static final String NO_VALUE = "（回答なし）";

    private final SurveyRepository surveys;
    private final SurveyResponses responses;
    private final AreaService areas;
    private final IndicatorService indicators;

    SurveyService(SurveyRepository surveys, SurveyResponses responses, AreaService areas, IndicatorService indicators) {
        this.surveys = surveys;
        this.responses = responses;
        this.areas = areas;
        this.indicators = indicators;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Survey> find(String code) {
        return surveys.findByCode(code);
    }

    Survey require(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("survey-not-found", "アンケート " + code + " はありません。"));
    }

    @Transactional
    SurveyList list() {
        List<Survey> all = surveys.listNewestFirst();
        Map<Long, Map<SurveyBand, Long>> counts = responses.bandCountsBySurvey();
        return new SurveyList(all.stream().map(s -> response(s, distribution(s, counts.getOrDefault(s.id, Map.of())))).toList());
    }

    @Transactional
    SurveyResponse get(String code) {
        Survey s = require(code);
        return response(s, distribution(s));
    }

    @Transactional
    public SurveyResponse create(CreateSurveyRequest r, String who) {
        if (find(r.code()).isPresent()) {
            throw ProblemException.conflict("survey-code-taken", "アンケートコード " + r.code() + " はすでに使われています。");
        }
        if (r.published() != null && r.dataSource() != DataSource.PUBLISHED) {
            throw ProblemException.invalid("published", "公表値は dataSource が PUBLISHED のアンケートにだけ入れられます");
        }
        Survey s = new Survey();
        s.code = r.code();
        s.title = r.title().strip();
        s.fiscalYear = r.fiscalYear();
        s.area = Strings.strippedOrNull(r.areaCode()) == null ? null : areas.resolve(r.areaCode());
        s.conductedBy = Strings.strippedOrNull(r.conductedBy());
        s.instrument = r.instrument();
        s.dataSource = r.dataSource();
        s.reference = reference(r.referenceCode(), s);
        s.updatedBy = who;
        if (r.published() != null) {
            applyPublished(s, r.published());
        }
        surveys.persist(s);
        return response(s, distribution(s));
    }

    @Transactional
    SurveyResponse update(String code, UpdateSurveyRequest r, String who) {
        Survey s = require(code);
        Versions.check(r.version(), s.version, "アンケート「" + s.title + "」");
        s.title = r.title().strip();
        s.conductedBy = Strings.strippedOrNull(r.conductedBy());
        s.reference = reference(r.referenceCode(), s);
        touch(s, who);
        return response(s, distribution(s));
    }

    @Transactional
    void delete(String code, String who) {
        Survey s = require(code);
        if (s.feedsIndicator != null) {
            indicators.deriveActual(s.feedsIndicator, s.fiscalYear, null, s.source(), who);
        }
        surveys.forgetAsReference(s);
        surveys.delete(s);
    }

    @Transactional
    SurveyResponse putPublished(String code, PublishedDistributionRequest r, String who) {
        Survey s = require(code);
        if (s.dataSource != DataSource.PUBLISHED) {
            throw ProblemException.conflict("survey-takes-responses", "アンケート「" + s.title + "」は個票から集計します。公表値は入れられません。");
        }
        applyPublished(s, r);
        touch(s, who);
        Distribution d = distribution(s);
        derive(s, d, who);
        return response(s, d);
    }

    private static void applyPublished(Survey s, PublishedDistributionRequest r) {
        Map<SurveyBand, BigDecimal> shares = new EnumMap<>(SurveyBand.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int n = 0; n < r.shares().size(); n++) {
            PublishedShareRequest share = r.shares().get(n);
            if (shares.put(share.band(), share.percent()) != null) {
                errors.add(new Problem.FieldError("shares[" + n + "].band", share.band().label() + " が 2 回あります"));
            }
            if (share.percent().stripTrailingZeros().scale() > 1) {
                errors.add(new Problem.FieldError("shares[" + n + "].percent", "小数第1位までで指定してください"));
            }
        }
        for (SurveyBand band : SurveyBand.values()) {
            if (!shares.containsKey(band)) {
                errors.add(new Problem.FieldError("shares", band.label() + " の割合がありません（該当なしは 0）"));
            }
        }
        if (errors.isEmpty()) {
            BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(BigDecimal.ONE) > 0) {
                errors.add(new Problem.FieldError("shares", "合計が " + sum.toPlainString() + "% です（四捨五入の誤差を見込んでも 99.0〜101.0% に収まりません）"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation-failed", "入力内容に誤りがあります",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        s.publishedShares.clear();
        s.publishedShares.putAll(shares);
        s.publishedRespondents = r.respondents();
    }

    /**
     * Reads an upload of individual responses. Without commit, only reports what it would store. With
     * commit, replaces the survey's responses, all or nothing: one bad row and nothing is stored.
     */
    @Transactional
    SurveyImportReport importResponses(String code, List<List<String>> table, boolean commit, String who) {
        Survey s = require(code);
        if (s.dataSource != DataSource.RESPONSES) {
            throw ProblemException.conflict("survey-takes-published", "アンケート「" + s.title + "」は公表値で入力します。個票は取り込めません。");
        }
        ResponseFile.Parsed parsed = ResponseFile.parse(table, s.instrument);
        List<ImportIssue> issues = parsed.errors().stream().map(e -> new ImportIssue(e.line(), e.column(), e.message())).toList();
        Map<SurveyBand, Long> counts = new EnumMap<>(SurveyBand.class);
        parsed.rows().forEach(row -> counts.merge(SurveyBand.of(row.answers()), 1L, Long::sum));
        Distribution d = Distribution.counted(counts);
        if (commit && parsed.errorCount() > 0) {
            throw new ProblemException(422, "survey-import-rejected", "個票を取り込めません",
                    parsed.errorCount() + " 件の問題があるため、何も取り込んでいません。" + issues.get(0).message(),
                    issues.stream().map(i -> new Problem.FieldError(i.column() == null ? "line " + i.line() : "line " + i.line() + "." + i.column(), i.message())).toList());
        }
        if (commit) {
            responses.replace(s, parsed.rows());
            s.responseAttributes = String.join("\t", parsed.attributes());
            touch(s, who);
            derive(s, d, who);
        }
        return new SurveyImportReport(commit, parsed.rows().size(), parsed.attributes(), parsed.ignoredColumns(),
                d.shares(), parsed.errorCount(), issues);
    }

    @Transactional
    SurveyResponse setRule(String code, SurveyRuleRequest r, String who) {
        Survey s = require(code);
        Indicator indicator = indicators.require(r.indicatorCode());
        if (indicator.unit == null || !indicator.unit.strip().equals("%")) {
            throw ProblemException.unprocessable("indicator-not-a-share",
                    "指標「" + indicator.name + "」の単位は「" + indicator.unit + "」です。アンケートの割合（%）を実績値にできるのは単位が % の指標だけです。");
        }
        List<Survey> others = surveys.othersFeeding(indicator, s.fiscalYear, s);
        if (!others.isEmpty()) {
            throw ProblemException.conflict("indicator-already-fed", "指標「" + indicator.name + "」の " + s.fiscalYear
                    + " 年度の実績値は、すでにアンケート「" + others.get(0).title + "」（" + others.get(0).code + "）から算出しています。");
        }
        if (s.feedsIndicator != null && !s.feedsIndicator.id.equals(indicator.id)) {
            indicators.deriveActual(s.feedsIndicator, s.fiscalYear, null, s.source(), who);
        }
        s.feedsIndicator = indicator;
        s.feedsBands = r.bands().stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
        touch(s, who);
        Distribution d = distribution(s);
        derive(s, d, who);
        return response(s, d);
    }

    @Transactional
    SurveyResponse clearRule(String code, String who) {
        Survey s = require(code);
        if (s.feedsIndicator != null) {
            indicators.deriveActual(s.feedsIndicator, s.fiscalYear, null, s.source(), who);
            s.feedsIndicator = null;
            s.feedsBands = null;
            touch(s, who);
        }
        return response(s, distribution(s));
    }

    private void derive(Survey s, Distribution d, String who) {
        if (s.feedsIndicator != null) {
            surveys.flush();
            indicators.deriveActual(s.feedsIndicator, s.fiscalYear, d.share(s.bandsFed()), s.source(), who);
        }
    }

    @Transactional
    SurveyComparison compare(String code, String referenceCode) {
        Survey s = require(code);
        Survey ref = Strings.absent(referenceCode) ? s.reference : require(referenceCode.strip());
        if (ref == null) {
            throw ProblemException.invalid("reference", "比較の基準にするアンケートを指定してください（このアンケートには既定の基準がありません）");
        }
        if (ref.instrument != s.instrument) {
            throw ProblemException.unprocessable("instrument-mismatch", "尺度が違うアンケートどうしは比べられません。");
        }
        Distribution mine = distribution(s);
        Distribution theirs = distribution(ref);
        List<ComparisonRow> rows = new ArrayList<>();
        for (SurveyBand band : SurveyBand.values()) {
            BigDecimal a = mine.percentOf(band);
            BigDecimal b = theirs.percentOf(band);
            rows.add(new ComparisonRow(band, band.label(), a, b, a == null || b == null ? null : a.subtract(b)));
        }
        return new SurveyComparison(s.code, s.title, ref.code, ref.title, rows);
    }

    @Transactional
    SurveyBreakdown breakdown(String code, String attribute) {
        Survey s = require(code);
        if (s.dataSource != DataSource.RESPONSES) {
            throw ProblemException.unprocessable("survey-has-no-responses", "公表値のアンケートには属性別の内訳がありません。");
        }
        if (!s.attributes().contains(attribute)) {
            throw ProblemException.invalid("by", "属性「" + attribute + "」はありません（" + (s.attributes().isEmpty() ? "属性の列なし" : String.join("・", s.attributes())) + "）");
        }
        List<Object[]> rows = responses.countsByAttribute(s, attribute, NO_VALUE);
        Map<String, long[]> groups = new LinkedHashMap<>();
        SurveyBand[] bands = SurveyBand.values();
        for (Object[] row : rows) {
            groups.computeIfAbsent((String) row[0], k -> new long[bands.length])[SurveyBand.valueOf((String) row[1]).ordinal()]
                    = ((Number) row[2]).longValue();
        }
        if (groups.size() > MAX_GROUPS) {
            throw ProblemException.unprocessable("too-many-groups", "属性「" + attribute + "」の値が " + groups.size()
                    + " 種類あり、内訳にできません（" + MAX_GROUPS + " 種類まで）。");
        }
        List<String> values = new ArrayList<>(groups.keySet());
        long[][] counts = values.stream().map(groups::get).toArray(long[][]::new);
        Suppression.Result hidden = Suppression.of(counts);
        List<BreakdownGroup> result = new ArrayList<>();
        for (int g = 0; g < values.size(); g++) {
            long size = java.util.Arrays.stream(counts[g]).sum();
            List<BreakdownCell> cells = new ArrayList<>();
            for (SurveyBand band : bands) {
                boolean suppressed = hidden.cells()[g][band.ordinal()];
                long count = counts[g][band.ordinal()];
                cells.add(new BreakdownCell(band, suppressed ? null : count, suppressed ? null : Distribution.percent(count, size), suppressed));
            }
            result.add(new BreakdownGroup(values.get(g), hidden.groups()[g] ? null : size, hidden.groups()[g], cells));
        }
        return new SurveyBreakdown(s.code, attribute, Suppression.MINIMUM, result);
    }

    Distribution distribution(Survey s) {
        if (s.dataSource == DataSource.PUBLISHED) {
            return Distribution.published(s.publishedShares, s.publishedRespondents);
        }
        return Distribution.counted(responses.bandCounts(s));
    }

    private static Distribution distribution(Survey s, Map<SurveyBand, Long> counts) {
        return s.dataSource == DataSource.PUBLISHED
                ? Distribution.published(s.publishedShares, s.publishedRespondents)
                : Distribution.counted(counts);
    }

    private SurveyResponse response(Survey s, Distribution d) {
        SurveyFeed feed = s.feedsIndicator == null ? null : new SurveyFeed(s.feedsIndicator.code, s.feedsIndicator.name,
                s.feedsIndicator.node.plan.code, s.bandsFed(), d.share(s.bandsFed()));
        return new SurveyResponse(s.code, s.title, s.fiscalYear, s.area == null ? null : AreaRef.of(s.area), s.conductedBy,
                s.instrument, s.dataSource, d.respondents(), d.shares(), s.attributes(),
                s.reference == null ? null : s.reference.code, s.reference == null ? null : s.reference.title,
                feed, s.version, s.updatedAt, s.updatedBy);
    }

    private Survey reference(String code, Survey self) {
        if (Strings.absent(code)) {
            return null;
        }
        Survey ref = require(code.strip());
        if (ref == self || ref.code.equals(self.code)) {
            throw ProblemException.invalid("referenceCode", "自分自身は比較の基準にできません");
        }
        if (ref.instrument != self.instrument) {
            throw ProblemException.invalid("referenceCode", "尺度が違うアンケートは比較の基準にできません");
        }
        return ref;
    }

    private static void touch(Survey s, String who) {
        s.updatedAt = OffsetDateTime.now();
        s.updatedBy = who;
    }


    @Override
    public Optional<String> describeUsesOf(Area area) {
        long n = surveys.countIn(area);
        return n == 0 ? Optional.empty() : Optional.of("アンケート " + n + " 件");
    }
}

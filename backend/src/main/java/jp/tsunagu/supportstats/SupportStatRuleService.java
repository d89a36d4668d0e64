package jp.tsunagu.supportstats;

import jp.tsunagu.shared.Strings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.category.SupportCategory;
import jp.tsunagu.category.SupportCategoryService;
import jp.tsunagu.indicator.Indicator;
import jp.tsunagu.indicator.IndicatorService;
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.AdvisoryLocks;
import jp.tsunagu.shared.ProblemException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Indicators whose actuals are support statistics. Setting a rule writes the actual of every fiscal year
 * with figures; afterwards each write that changes the figures rewrites the actual of its year, in its own
 * transaction, serialised per indicator by an advisory lock so concurrent writers (and replicas) agree.
 */
@ApplicationScoped
public class SupportStatRuleService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SupportStatRuleService.class);
    private static final ZoneId JAPAN = jp.tsunagu.shared.FiscalYears.JAPAN;
    private static final long LOCK_SPACE = 0x73746174L << 32;

    private final SupportStatRuleRepository rules;
    private final AdvisoryLocks locks;
    private final AreaService areas;
    private final IndicatorService indicators;
    private final SupportStatistics statistics;
    private final SupportCategoryService categories;
    private final Clock clock = Clock.system(JAPAN);

    SupportStatRuleService(SupportStatRuleRepository rules, AdvisoryLocks locks, AreaService areas, IndicatorService indicators,
                           SupportStatistics statistics, SupportCategoryService categories) {
        this.categories = categories;
        this.rules = rules;
        this.locks = locks;
        this.areas = areas;
        this.indicators = indicators;
        this.statistics = statistics;
    }

    @Transactional
    SupportStatRuleList list() {
        return new SupportStatRuleList(rules.listByIndicatorCode().stream().map(SupportStatRuleService::response).toList());
    }

    /** Links an indicator to a statistic of an area (as {@code PUT /indicators/{code}/support-stat-rule} does). */
    @Transactional
    public void link(String indicatorCode, String areaCode, SupportStatistic statistic, String categoryCode, String who) {
        put(indicatorCode, new SupportStatRuleRequest(areaCode, statistic, categoryCode), who);
    }

    @Transactional
    SupportStatRuleResponse put(String indicatorCode, SupportStatRuleRequest r, String who) {
        Indicator indicator = indicators.require(indicatorCode);
        SupportCategory category = null;
        if (r.statistic() == SupportStatistic.CATEGORY_SHARE) {
            if (Strings.absent(r.categoryCode())) {
                throw ProblemException.invalid("categoryCode", "種類別の割合には困りごとの種類が必要です");
            }
            category = categories.find(r.categoryCode().strip())
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-category", "困りごとの種類 " + r.categoryCode() + " はありません。"));
        } else if (r.categoryCode() != null && !r.categoryCode().isBlank()) {
            throw ProblemException.invalid("categoryCode", "困りごとの種類は種類別の割合（CATEGORY_SHARE）のときだけ指定します");
        }
        boolean share = r.statistic() == SupportStatistic.CATEGORY_SHARE;
        boolean percentUnit = "%".equals(indicator.unit == null ? null : indicator.unit.strip());
        if (share != percentUnit) {
            throw ProblemException.unprocessable("indicator-unit-mismatch", "指標「" + indicator.name + "」の単位は「" + indicator.unit + "」です。"
                    + (share ? "割合は単位が % の指標にだけ入れられます。" : "件数・人数は単位が % でない指標に入れてください。"));
        }
        lock(indicator);
        SupportStatRule rule = rules.findFor(indicator).orElse(null);
        if (rule != null) {
            indicators.clearDerived(indicator, rule.source(), who);
        } else {
            rule = new SupportStatRule();
            rule.indicator = indicator;
        }
        rule.area = areas.resolve(r.areaCode());
        rule.statistic = r.statistic();
        rule.category = category;
        rule.updatedAt = OffsetDateTime.now();
        rule.updatedBy = who;
        if (!rules.isPersistent(rule)) {
            rules.persist(rule);
        }
        rules.flush();
        for (int year : years(rule)) {
            derive(rule, year, who);
        }
        return response(rule);
    }

    @Transactional
    void delete(String indicatorCode, String who) {
        Indicator indicator = indicators.require(indicatorCode);
        lock(indicator);
        SupportStatRule rule = rules.findFor(indicator).orElseThrow(() ->
                ProblemException.notFound("stat-rule-not-found", "指標「" + indicator.name + "」には支援統計の規則がありません。"));
        indicators.clearDerived(indicator, rule.source(), who);
        rules.delete(rule);
    }

    /** Rewrites the actual of the changed year for every rule whose area holds the changed one. */
    void onChange(@Observes SupportFiguresChanged change) {
        List<Long> chain = change.area().selfAndAncestors().stream().map(a -> a.id).toList();
        for (SupportStatRule rule : rules.countingAnyOf(chain)) {
            lock(rule.indicator);
            try {
                int year = counted(rule.statistic) ? FiscalYears.of(change.day()) : FiscalYears.of(LocalDate.now(clock));
                BigDecimal value = statistics.value(rule.area, year, rule.statistic, rule.category);
                indicators.deriveActualUnlessApproved(rule.indicator, year, value, rule.source(), "支援統計");
            } catch (ProblemException e) {
                // The year's actual comes from elsewhere (a survey): the coordinator's write still stands.
                LOG.warnf("indicator %s: %s", rule.indicator.code, e.getMessage());
            }
        }
    }

    private void derive(SupportStatRule rule, int year, String who) {
        BigDecimal value = statistics.value(rule.area, year, rule.statistic, rule.category);
        indicators.deriveActual(rule.indicator, year, value, rule.source(), who);
    }

    /**
     * Counts of the year: every fiscal year from the first with a consultation to this one. Supporters: this year.
     * 相談員: the years the districts' profiles cover.
     */
    private List<Integer> years(SupportStatRule rule) {
        int now = FiscalYears.of(LocalDate.now(clock));
        if (!counted(rule.statistic)) {
            return List.of(now);
        }
        if (rule.statistic == SupportStatistic.COUNSELORS) {
            return statistics.profileYears(rule.area);
        }
        LocalDate first = statistics.firstConsultation(rule.area);
        if (first == null) {
            return List.of(now);
        }
        int from = FiscalYears.of(first);
        return java.util.stream.IntStream.rangeClosed(Math.max(from, now - 30), now).boxed().toList();
    }

    private static boolean counted(SupportStatistic s) {
        return s != SupportStatistic.SUPPORTERS_REGISTERED && s != SupportStatistic.SUPPORTERS_ACTIVE;
    }

    private void lock(Indicator indicator) {
        locks.lockForTransaction(LOCK_SPACE + indicator.id);
    }

    private static SupportStatRuleResponse response(SupportStatRule rule) {
        return new SupportStatRuleResponse(rule.indicator.code, rule.indicator.name, AreaRef.of(rule.area), rule.statistic,
                rule.category == null ? null : rule.category.code, rule.category == null ? null : rule.category.name,
                jp.tsunagu.indicator.ValueSource.of(rule.source()), rule.updatedAt, rule.updatedBy);
    }
}

package jp.tsunagu.supportstats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.AreaService;

import java.util.List;

/** The yearly figures of 地域生活支援 for a district, a ward or the city: aggregates only. */
@ApplicationScoped
class SupportStatsService {

    private final AreaService areas;
    private final SupportStatistics statistics;

    SupportStatsService(AreaService areas, SupportStatistics statistics) {
        this.areas = areas;
        this.statistics = statistics;
    }

    /** The fiscal years with records, newest first (this year alone when there are none yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    SupportStatsYears years(String areaCodeOrName) {
        var area = areas.resolve(areaCodeOrName);
        List<Integer> years = statistics.yearsWithRecords(area);
        return new SupportStatsYears(jp.tsunagu.area.AreaRef.of(area),
                years.isEmpty() ? List.of(jp.tsunagu.shared.FiscalYears.current()) : years);
    }

    /** Fiscal years run April–March; the area is named by its code or its name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    SupportStats of(String areaCodeOrName, int fiscalYear) {
        return statistics.of(areas.resolve(areaCodeOrName), fiscalYear);
    }
}

package jp.tsunagu.supportstats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.AreaService;

/** The yearly figures of 地域生活支援 for a district, a ward or the city: aggregates only. */
@ApplicationScoped
class SupportStatsService {

    private final AreaService areas;
    private final SupportStatistics statistics;

    SupportStatsService(AreaService areas, SupportStatistics statistics) {
        this.areas = areas;
        this.statistics = statistics;
    }

    /** Fiscal years run April–March; the area is named by its code or its name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    SupportStats of(String areaCodeOrName, int fiscalYear) {
        return statistics.of(areas.resolve(areaCodeOrName), fiscalYear);
    }
}

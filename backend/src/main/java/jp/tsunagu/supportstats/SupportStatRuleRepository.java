package jp.tsunagu.supportstats;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.indicator.Indicator;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
class SupportStatRuleRepository implements PanacheRepositoryBase<SupportStatRule, Long> {

    List<SupportStatRule> listByIndicatorCode() {
        return list("order by indicator.code");
    }

    Optional<SupportStatRule> findFor(Indicator indicator) {
        return findByIdOptional(indicator.id);
    }

    /** The rules that count one of these areas (a changed district and the ward and city above it). */
    List<SupportStatRule> countingAnyOf(List<Long> areaIds) {
        return list("area.id in ?1 order by indicatorId", areaIds);
    }
}

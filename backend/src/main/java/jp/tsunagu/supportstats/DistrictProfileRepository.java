package jp.tsunagu.supportstats;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class DistrictProfileRepository implements PanacheRepositoryBase<DistrictProfile, Long> {

    Optional<DistrictProfile> find(Area area, int fiscalYear) {
        return find("area = ?1 and fiscalYear = ?2", area, fiscalYear).firstResultOptional();
    }

    /** Profiles of these areas (a year, or every year newest first), by district code. */
    List<DistrictProfile> in(Collection<Long> areaIds, Integer fiscalYear) {
        return fiscalYear == null
                ? list("select p from DistrictProfile p join fetch p.area a where a.id in ?1 order by a.code, p.fiscalYear desc", areaIds)
                : list("select p from DistrictProfile p join fetch p.area a where a.id in ?1 and p.fiscalYear = ?2 order by a.code", areaIds, fiscalYear);
    }

    List<Integer> years(Collection<Long> areaIds) {
        return getEntityManager().createQuery("select distinct p.fiscalYear from DistrictProfile p where p.area.id in :ids order by p.fiscalYear",
                Integer.class).setParameter("ids", areaIds).getResultList();
    }

    /** The 相談員 of these areas in the year; null when none of them has a profile for it. */
    Integer counselors(Collection<Long> areaIds, int fiscalYear) {
        Number n = (Number) getEntityManager().createQuery(
                        "select sum(p.counselors) from DistrictProfile p where p.area.id in :ids and p.fiscalYear = :y")
                .setParameter("ids", areaIds).setParameter("y", fiscalYear).getSingleResult();
        return n == null ? null : n.intValue();
    }
}

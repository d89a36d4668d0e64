package jp.tsunagu.supportstats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.category.SupportCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A district's, ward's or city's yearly figures of 地域生活支援: consultations, adjustments, the share of
 * each trouble, supporters. Fiscal years run April–March. Aggregates only.
 */
@ApplicationScoped
class SupportStatistics {

    private final EntityManager em;
    private final AreaService areas;
    private final DistrictProfileRepository profiles;

    SupportStatistics(EntityManager em, AreaService areas, DistrictProfileRepository profiles) {
        this.em = em;
        this.areas = areas;
        this.profiles = profiles;
    }

    /** The fiscal years of the profiles of the area's districts, oldest first. */
    List<Integer> profileYears(Area area) {
        return profiles.years(areas.subtreeIds(area));
    }

    /** The 相談員 of the area's districts in the year, from their profiles; null when none has one. */
    Integer counselors(Area area, int fiscalYear) {
        return profiles.counselors(areas.subtreeIds(area), fiscalYear);
    }

    SupportStats of(Area area, int fiscalYear) {
        Long[] ids = subtree(area);
        LocalDate from = LocalDate.of(fiscalYear, 4, 1);
        LocalDate to = LocalDate.of(fiscalYear + 1, 3, 31);
        List<Object[]> byCategory = byCategory(ids, from, to);
        int total = byCategory.stream().mapToInt(r -> ((Number) r[2]).intValue()).sum();
        List<CategoryShare> shares = byCategory.stream().filter(r -> ((Number) r[2]).intValue() > 0)
                .map(r -> new CategoryShare((String) r[1], ((Number) r[2]).intValue(), percent(((Number) r[2]).intValue(), total)))
                .toList();
        // Under the headings a report prints (同行（買物・通院等） sums 買い物同行 and 通院同行), in category order.
        java.util.Map<String, int[]> byHeading = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> members = new java.util.LinkedHashMap<>();
        for (Object[] r : byCategory) {
            int n = ((Number) r[2]).intValue();
            if (n > 0) {
                byHeading.computeIfAbsent((String) r[3], k -> new int[1])[0] += n;
                members.computeIfAbsent((String) r[3], k -> new java.util.ArrayList<>()).add((String) r[1]);
            }
        }
        List<HeadingShare> headings = byHeading.entrySet().stream()
                .map(e -> new HeadingShare(e.getKey(), members.get(e.getKey()), e.getValue()[0], percent(e.getValue()[0], total))).toList();
        return new SupportStats(AreaRef.of(area), fiscalYear, consultations(ids, from, to), adjustments(ids, from, to), shares,
                headings, supporters(ids, false), supporters(ids, true), counselors(area, fiscalYear), activityMinutes(ids, from, to));
    }

    /**
     * One statistic, as an indicator takes it. The yearly counts are null (no actual) for a year without a
     * single consultation recorded in the area: the records did not cover it, which is not the same as zero.
     */
    BigDecimal value(Area area, int fiscalYear, SupportStatistic statistic, SupportCategory category) {
        if (statistic == SupportStatistic.COUNSELORS) {
            // From the districts' profiles, not the records: no consultations are counted for it.
            Integer n = counselors(area, fiscalYear);
            return n == null ? null : BigDecimal.valueOf(n);
        }
        Long[] ids = subtree(area);
        LocalDate from = LocalDate.of(fiscalYear, 4, 1);
        LocalDate to = LocalDate.of(fiscalYear + 1, 3, 31);
        int consultations = consultations(ids, from, to);
        if (consultations == 0 && statistic != SupportStatistic.SUPPORTERS_REGISTERED && statistic != SupportStatistic.SUPPORTERS_ACTIVE) {
            return null;
        }
        return switch (statistic) {
            case CONSULTATIONS -> BigDecimal.valueOf(consultations);
            case ADJUSTMENTS -> BigDecimal.valueOf(adjustments(ids, from, to));
            case SUPPORTERS_REGISTERED -> BigDecimal.valueOf(supporters(ids, false));
            case SUPPORTERS_ACTIVE -> BigDecimal.valueOf(supporters(ids, true));
            case COUNSELORS -> throw new IllegalStateException("answered above");
            case ACTIVITY_MINUTES -> BigDecimal.valueOf(activityMinutes(ids, from, to));
            case CATEGORY_SHARE -> {
                List<Object[]> rows = byCategory(ids, from, to);
                int total = rows.stream().mapToInt(r -> ((Number) r[2]).intValue()).sum();
                int mine = rows.stream().filter(r -> category.code.equals(r[0])).mapToInt(r -> ((Number) r[2]).intValue()).sum();
                yield total == 0 ? null : percent(mine, total);
            }
        };
    }

    private int consultations(Long[] ids, LocalDate from, LocalDate to) {
        return count("""
                select count(*) from support_request q join recipient p on p.id = q.recipient_id
                where p.area_id = any(?1) and q.received_on between ?2 and ?3""", ids, from, to);
    }

    /** 延べ活動時間: the minutes of the activities done in the period for residents of the area. */
    private int activityMinutes(Long[] ids, LocalDate from, LocalDate to) {
        return count("""
                select coalesce(sum(a.minutes), 0) from support_activity a join assignment x on x.id = a.assignment_id
                join support_request q on q.id = x.request_id join recipient p on p.id = q.recipient_id
                where p.area_id = any(?1) and a.activity_date between ?2 and ?3""", ids, from, to);
    }

    private int adjustments(Long[] ids, LocalDate from, LocalDate to) {
        return count("""
                select count(*) from assignment a join support_request q on q.id = a.request_id join recipient p on p.id = q.recipient_id
                where p.area_id = any(?1) and a.created_on between ?2 and ?3""", ids, from, to);
    }

    /** Category code, name, count of consultations not referred on (the base on which the seed's shares round). */
    @SuppressWarnings("unchecked")
    private List<Object[]> byCategory(Long[] ids, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                        select c.code, c.name, count(q.id), coalesce(c.report_heading, c.name) from support_category c
                        left join support_request q on q.category_id = c.id and q.status <> 'REFERRED' and q.received_on between ?2 and ?3
                          and q.recipient_id in (select id from recipient where area_id = any(?1))
                        group by c.code, c.name, c.report_heading, c.position order by c.position""")
                .setParameter(1, ids).setParameter(2, from).setParameter(3, to).getResultList();
    }

    private int supporters(Long[] ids, boolean activeOnly) {
        return ((Number) em.createNativeQuery("select count(*) from supporter where area_id = any(?1) and (active or not ?2)")
                .setParameter(1, ids).setParameter(2, activeOnly).getSingleResult()).intValue();
    }

    private int count(String sql, Long[] ids, LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, ids).setParameter(2, from).setParameter(3, to).getSingleResult()).intValue();
    }

    /** The day of the first consultation recorded in the area (and below), or null. */
    LocalDate firstConsultation(Area area) {
        Object first = em.createNativeQuery("""
                        select min(q.received_on) from support_request q join recipient p on p.id = q.recipient_id
                        where p.area_id = any(?1)""")
                .setParameter(1, subtree(area)).getSingleResult();
        return first == null ? null : first instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) first;
    }

    /** The fiscal years with a consultation or an adjustment in the area (and below), newest first. */
    @SuppressWarnings("unchecked")
    List<Integer> yearsWithRecords(Area area) {
        List<Object> years = em.createNativeQuery("""
                        select distinct fy from (
                            select case when extract(month from q.received_on) >= 4 then extract(year from q.received_on)
                                        else extract(year from q.received_on) - 1 end as fy
                            from support_request q join recipient p on p.id = q.recipient_id where p.area_id = any(?1)
                            union
                            select case when extract(month from a.created_on) >= 4 then extract(year from a.created_on)
                                        else extract(year from a.created_on) - 1 end
                            from assignment a join support_request q on q.id = a.request_id join recipient p on p.id = q.recipient_id
                            where p.area_id = any(?1)) y
                        order by fy desc""")
                .setParameter(1, subtree(area)).getResultList();
        return years.stream().map(y -> ((Number) y).intValue()).toList();
    }

    private Long[] subtree(Area root) {
        return areas.subtreeIds(root).toArray(new Long[0]);
    }

    private static BigDecimal percent(int part, int total) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }
}

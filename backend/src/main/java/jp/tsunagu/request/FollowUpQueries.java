package jp.tsunagu.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.AreaKind;
import jp.tsunagu.area.AreaRef;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 要対応: the queue's four kinds of item as one query over what is recorded now, in the scope (null = every area).
 * Nothing is stored or scheduled: an item is there while its condition holds and gone once it is handled.
 */
@ApplicationScoped
class FollowUpQueries {

    /** One row of the queue; the ids and names that do not apply to its kind are null. */
    record Row(FollowUpKind kind, LocalDate since, AreaRef area, Long requestId, Long assignmentId, Long supporterId,
               String recipientName, String supporterName, String category, String urgency) {
    }

    private final EntityManager em;

    FollowUpQueries(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<Row> rows(Set<Long> scope) {
        List<Object[]> out = em.createNativeQuery(QUEUE)
                .setParameter(1, scope == null ? new Long[0] : scope.toArray(Long[]::new))
                .setParameter(2, scope == null)
                .getResultList();
        return out.stream().map(r -> new Row(FollowUpKind.valueOf((String) r[0]), toDate(r[1]),
                new AreaRef((String) r[2], (String) r[3], AreaKind.valueOf((String) r[4])), id(r[5]), id(r[6]), id(r[7]),
                (String) r[8], (String) r[9], (String) r[10], (String) r[11])).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    FollowUpSettings settings() {
        return em.find(FollowUpSettings.class, 1);
    }

    void flush() {
        em.flush();
    }

    private static Long id(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    /*
     * 1. proposals the supporter has not answered for proposal_days; 2. requests waiting for a supporter (受付・調整中)
     * for waiting_days, urgent ones at once; 3. accepted assignments whose day has passed without an activity record
     * (a one-off request: its date; a weekly one: nothing recorded for activity_grace_days); 4. active supporters with
     * no assignment for idle_supporter_days (registered at least that long ago).
     */
    private static final String QUEUE = """
            with arg as (select cast(?1 as bigint[]) as scope, cast(?2 as boolean) as everywhere),
            s as (select * from follow_up_settings where id = 1)
            select 'PROPOSAL_UNANSWERED', x.created_on, ar.code, ar.name, ar.kind, q.id, x.id, sp.id, p.name, sp.name, c.name, q.urgency
            from assignment x
            join support_request q on q.id = x.request_id
            join recipient p on p.id = q.recipient_id
            join area ar on ar.id = p.area_id
            join supporter sp on sp.id = x.supporter_id
            join support_category c on c.id = q.category_id
            cross join s cross join arg
            where x.status = 'PROPOSED' and x.created_on <= japan_today() - s.proposal_days
              and (arg.everywhere or p.area_id = any(arg.scope))
            union all
            select 'REQUEST_WAITING', q.received_on, ar.code, ar.name, ar.kind, q.id, null, null, p.name, null, c.name, q.urgency
            from support_request q
            join recipient p on p.id = q.recipient_id
            join area ar on ar.id = p.area_id
            join support_category c on c.id = q.category_id
            cross join s cross join arg
            where q.status in ('RECEIVED', 'MATCHING') and (q.urgency = 'HIGH' or q.received_on <= japan_today() - s.waiting_days)
              and (arg.everywhere or p.area_id = any(arg.scope))
            union all
            select 'ACTIVITY_MISSING',
                   coalesce(q.requested_date, greatest(x.created_on, (select max(a.activity_date) from support_activity a where a.assignment_id = x.id))),
                   ar.code, ar.name, ar.kind, q.id, x.id, sp.id, p.name, sp.name, c.name, q.urgency
            from assignment x
            join support_request q on q.id = x.request_id
            join recipient p on p.id = q.recipient_id
            join area ar on ar.id = p.area_id
            join supporter sp on sp.id = x.supporter_id
            join support_category c on c.id = q.category_id
            cross join s cross join arg
            where x.status = 'ACCEPTED' and (arg.everywhere or p.area_id = any(arg.scope))
              and ((q.requested_date is not null and q.requested_date < japan_today()
                    and not exists (select 1 from support_activity a where a.assignment_id = x.id and a.activity_date >= q.requested_date))
                   or (q.requested_date is null and x.created_on <= japan_today() - s.activity_grace_days
                    and not exists (select 1 from support_activity a where a.assignment_id = x.id
                                    and a.activity_date >= japan_today() - s.activity_grace_days)))
            union all
            select 'SUPPORTER_IDLE', coalesce((select max(y.created_on) from assignment y where y.supporter_id = sp.id), cast(sp.created_at at time zone 'Asia/Tokyo' as date)),
                   ar.code, ar.name, ar.kind, null, null, sp.id, null, sp.name, null, null
            from supporter sp
            join area ar on ar.id = sp.area_id
            cross join s cross join arg
            where sp.active and cast(sp.created_at at time zone 'Asia/Tokyo' as date) <= japan_today() - s.idle_supporter_days
              and not exists (select 1 from assignment y where y.supporter_id = sp.id and y.created_on >= japan_today() - s.idle_supporter_days)
              and (arg.everywhere or sp.area_id = any(arg.scope))""";
}

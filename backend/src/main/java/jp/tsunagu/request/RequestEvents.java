package jp.tsunagu.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A request's story (request_event): appended in the same transaction as what it tells, read as a timeline. */
@ApplicationScoped
class RequestEvents {

    /** One entry as stored, with the supporter's name where there is one. */
    record Row(long id, OffsetDateTime at, String actor, RequestEventKind kind, Long assignmentId, Long supporterId, String supporterName,
               Integer minutes, String detail) {
    }

    private final EntityManager em;

    RequestEvents(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void add(long requestId, Access access, RequestEventKind kind, Assignment a, Integer minutes, String detail) {
        em.createNativeQuery("insert into request_event (request_id, actor, kind, assignment_id, supporter_id, minutes, detail) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, requestId).setParameter(2, access.actor()).setParameter(3, kind.name())
                .setParameter(4, a == null ? null : a.id).setParameter(5, a == null ? null : a.supporter.id)
                .setParameter(6, minutes).setParameter(7, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .executeUpdate();
    }

    void add(long requestId, Access access, RequestEventKind kind, String detail) {
        add(requestId, access, kind, null, null, detail);
    }

    /** The same entry for many requests at once (一括マッチング's candidates). */
    @Transactional(Transactional.TxType.MANDATORY)
    void addToEach(List<Long> requestIds, Access access, RequestEventKind kind, String detail) {
        em.createNativeQuery("insert into request_event (request_id, actor, kind, detail) select r, ?2, ?3, ?4 from unnest(cast(?1 as bigint[])) r")
                .setParameter(1, requestIds.toArray(Long[]::new)).setParameter(2, access.actor()).setParameter(3, kind.name())
                .setParameter(4, detail).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<Row> of(long requestId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select e.id, e.at, e.actor, e.kind, e.assignment_id, e.supporter_id, s.name, e.minutes, e.detail
                        from request_event e left join supporter s on s.id = e.supporter_id
                        where e.request_id = ?1 order by e.at, e.id""")
                .setParameter(1, requestId).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(),
                r[1] instanceof OffsetDateTime odt ? odt : ((java.time.Instant) r[1]).atOffset(ZoneOffset.UTC), (String) r[2],
                RequestEventKind.valueOf((String) r[3]), r[4] == null ? null : ((Number) r[4]).longValue(),
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(),
                (String) r[8])).toList();
    }
}

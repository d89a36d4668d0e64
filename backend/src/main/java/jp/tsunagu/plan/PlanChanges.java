package jp.tsunagu.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Remembers every change of a plan's records (who, when, old and new value) for the review council. */
@ApplicationScoped
public class PlanChanges {

    @Schema(name = "PlanChange", description = "計画・項目・指標の定義の変更（誰が・いつ・旧→新）")
    public record Change(@Schema(examples = "NODE") String record, @Schema(examples = "63") String key,
                         @Schema(examples = "title") String field, @Schema(nullable = true) String oldValue,
                         @Schema(nullable = true) String newValue, String changedBy, OffsetDateTime changedAt) {
    }

    @Schema(name = "PlanChangeList")
    public record ChangeList(List<Change> items) {
    }

    private final EntityManager em;

    PlanChanges(EntityManager em) {
        this.em = em;
    }

    /** Records the field if its value changed; returns the new value for chaining into the entity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Plan plan, String record, String key, String field, Object oldValue, Object newValue, String who) {
        String before = oldValue == null ? null : oldValue.toString();
        String after = newValue == null ? null : newValue.toString();
        if (Objects.equals(before, after)) {
            return;
        }
        em.createNativeQuery("insert into plan_change (plan_id, record, record_key, field, old_value, new_value, changed_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, plan.id).setParameter(2, record).setParameter(3, key).setParameter(4, field)
                .setParameter(5, before).setParameter(6, after).setParameter(7, who).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ChangeList since(Plan plan, OffsetDateTime since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select record, record_key, field, old_value, new_value, changed_by, changed_at from plan_change
                        where plan_id = ?1 and changed_at > ?2 order by changed_at desc, id desc limit 5000""")
                .setParameter(1, plan.id).setParameter(2, since).getResultList();
        return new ChangeList(rows.stream().map(r -> new Change((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], r[6] instanceof OffsetDateTime o ? o : ((java.time.Instant) r[6]).atOffset(java.time.ZoneOffset.UTC))).toList());
    }
}

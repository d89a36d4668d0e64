package jp.tsunagu.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-scoped advisory locks: replicas of the API that would otherwise write the same
 * derived figure (or use the same setup code) at once wait for each other until the holder commits.
 * Each caller owns a key space (the high 32 bits) so that their keys never meet.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final EntityManager em;

    AdvisoryLocks(EntityManager em) {
        this.em = em;
    }

    /** Waits for the lock on {@code key}; it is released when the current transaction ends. */
    public void lockForTransaction(long key) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult();
    }
}

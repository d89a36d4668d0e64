package jp.tsunagu.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Failed attempts per key (a user name, or the setup code), kept in the database so that every replica
 * sees them: after {@code freeFailures} the key is locked for 1, 2, 4 … seconds, at most {@code maxDelay}.
 * Plain SQL because the upsert-and-count is one statement, which the ORM cannot express.
 */
@ApplicationScoped
class LoginThrottle {

    private final EntityManager em;
    private final int freeFailures;
    private final Duration maxDelay;

    LoginThrottle(EntityManager em, LoginSettings config) {
        this.em = em;
        this.freeFailures = config.freeFailures();
        this.maxDelay = config.maxDelay();
    }

    /** Until when the key is locked, or null. */
    OffsetDateTime lockedUntil(String key) {
        var rows = em.createNativeQuery("select locked_until from login_throttle where username = ?1", OffsetDateTime.class)
                .setParameter(1, key).getResultList();
        return rows.isEmpty() ? null : (OffsetDateTime) rows.get(0);
    }

    void recordFailure(String key) {
        Number failures = (Number) em.createNativeQuery("""
                        insert into login_throttle (username, failures, updated_at) values (?1, 1, now())
                        on conflict (username) do update set failures = login_throttle.failures + 1, updated_at = now()
                        returning failures""")
                .setParameter(1, key).getSingleResult();
        int over = failures.intValue() - freeFailures;
        if (over >= 0) {
            long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(over, 20));
            em.createNativeQuery("update login_throttle set locked_until = now() + make_interval(secs => ?2) where username = ?1")
                    .setParameter(1, key).setParameter(2, (double) seconds).executeUpdate();
        }
    }

    void clearFailures(String key) {
        em.createNativeQuery("delete from login_throttle where username = ?1").setParameter(1, key).executeUpdate();
    }
}

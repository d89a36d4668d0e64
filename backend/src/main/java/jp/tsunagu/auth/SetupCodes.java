package jp.tsunagu.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The single-use code that creates the first administrator, kept only as a hash. */
@ApplicationScoped
class SetupCodes {

    private final EntityManager em;

    SetupCodes(EntityManager em) {
        this.em = em;
    }

    void add(String code) {
        em.createNativeQuery("insert into setup_code (code_hash) values (?1) on conflict do nothing")
                .setParameter(1, ApiTokenService.hash(code)).executeUpdate();
    }

    /** Uses the code up: false when it was not (or no longer) valid. */
    boolean use(String code) {
        return em.createNativeQuery("delete from setup_code where code_hash = ?1")
                .setParameter(1, ApiTokenService.hash(code)).executeUpdate() > 0;
    }

    void clear() {
        em.createNativeQuery("delete from setup_code").executeUpdate();
    }
}

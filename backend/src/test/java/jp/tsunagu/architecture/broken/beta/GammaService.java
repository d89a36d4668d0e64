package jp.tsunagu.architecture.broken.beta;

import jakarta.persistence.EntityManager;

/** Writes its query among its rules instead of in a repository. */
public class GammaService {
    private final EntityManager em;

    public GammaService(EntityManager em) {
        this.em = em;
    }

    public Object count() {
        return em.createNativeQuery("select count(*) from gamma").getSingleResult();
    }
}

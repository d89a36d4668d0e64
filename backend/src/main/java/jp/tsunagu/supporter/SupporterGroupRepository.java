package jp.tsunagu.supporter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class SupporterGroupRepository implements PanacheRepositoryBase<SupporterGroup, Long> {

    /** Another group of the same district has this name. */
    boolean nameTaken(SupporterGroup g) {
        return count("area = ?1 and name = ?2 and id <> ?3", g.area, g.name, g.id == null ? -1L : g.id) > 0;
    }

    List<SupporterGroup> listWithArea() {
        return getEntityManager().createQuery("select g from SupporterGroup g join fetch g.area order by g.area.code, g.name", SupporterGroup.class)
                .getResultList();
    }
}

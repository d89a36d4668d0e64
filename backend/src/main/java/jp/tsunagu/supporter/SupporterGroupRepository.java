package jp.tsunagu.supporter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
class SupporterGroupRepository implements PanacheRepositoryBase<SupporterGroup, Long> {

    List<SupporterGroup> listWithArea() {
        return getEntityManager().createQuery("select g from SupporterGroup g join fetch g.area order by g.area.code, g.name", SupporterGroup.class)
                .getResultList();
    }
}

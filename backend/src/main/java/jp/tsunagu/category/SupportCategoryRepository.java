package jp.tsunagu.category;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
class SupportCategoryRepository implements PanacheRepositoryBase<SupportCategory, Long> {

    Optional<SupportCategory> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    List<SupportCategory> listActive() {
        return list("active order by position");
    }

    boolean nameTakenByOther(String name, String code) {
        return count("name = ?1 and code <> ?2", name, code) > 0;
    }

    int nextPosition() {
        return ((Number) getEntityManager().createQuery("select coalesce(max(position), 0) + 1 from SupportCategory").getSingleResult()).intValue();
    }
}

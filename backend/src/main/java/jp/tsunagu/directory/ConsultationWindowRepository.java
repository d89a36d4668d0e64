package jp.tsunagu.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ConsultationWindowRepository implements PanacheRepositoryBase<ConsultationWindow, Long> {

    public List<ConsultationWindow> search(WindowCategory category, String text) {
        StringBuilder q = new StringBuilder("select distinct w from ConsultationWindow w left join fetch w.contacts c where 1 = 1");
        Parameters params = new Parameters();
        if (category != null) {
            q.append(" and w.category = :category");
            params.and("category", category);
        }
        if (text != null && !text.isBlank()) {
            q.append(" and w.name like :text");
            params.and("text", "%" + text.strip() + "%");
        }
        q.append(" order by w.category, w.name");
        return find(q.toString(), params).list();
    }

    public Optional<ConsultationWindow> findByCategoryAndName(WindowCategory category, String name) {
        return find("category = ?1 and name = ?2", category, name).firstResultOptional();
    }

    /** Contact lines of windows of this category that serve any of these areas. */
    public List<WindowContact> contactsServing(WindowCategory category, Collection<Area> areas) {
        return getEntityManager().createQuery("""
                        select distinct c from WindowContact c join fetch c.window w join c.areas a
                        where w.category = :category and a in :areas""", WindowContact.class)
                .setParameter("category", category)
                .setParameter("areas", areas)
                .getResultList();
    }

    public long countContactsServing(Area area) {
        return getEntityManager().createQuery("select count(c) from WindowContact c join c.areas a where a = :area", Long.class)
                .setParameter("area", area).getSingleResult();
    }
}

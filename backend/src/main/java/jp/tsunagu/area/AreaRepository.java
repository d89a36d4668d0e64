package jp.tsunagu.area;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class AreaRepository implements PanacheRepositoryBase<Area, Long> {

    public Optional<Area> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<Area> findByName(String name) {
        return list("name", name);
    }

    public long countChildren(Area area) {
        return count("parent", area);
    }

    public List<Area> children(Area area) {
        return list("parent = ?1 order by code", area);
    }

    /** One page of areas ordered by code, after the cursor code. */
    public List<Area> search(String parentCode, AreaKind kind, String text, String afterCode, int limit) {
        StringBuilder q = new StringBuilder("from Area a left join fetch a.parent p where 1 = 1");
        Parameters params = new Parameters();
        if (parentCode != null) {
            q.append(" and p.code = :parent");
            params.and("parent", parentCode);
        }
        if (kind != null) {
            q.append(" and a.kind = :kind");
            params.and("kind", kind);
        }
        if (text != null && !text.isBlank()) {
            q.append(" and (a.name like :text or a.kana like :text or a.code like :text)");
            params.and("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (afterCode != null) {
            q.append(" and a.code > :after");
            params.and("after", afterCode);
        }
        q.append(" order by a.code");
        return find(q.toString(), params).page(0, limit).list();
    }

    /**
     * The ids of the area and of everything below it, in one query: the one subtree query every list, scope and
     * count by area uses.
     */
    @SuppressWarnings("unchecked")
    public Set<Long> subtreeIds(Area root) {
        return new LinkedHashSet<>(getEntityManager().createNativeQuery("""
                        with recursive sub(id) as (
                            select cast(?1 as bigint)
                            union all
                            select a.id from area a join sub on a.parent_id = sub.id)
                        select id from sub""", Long.class)
                .setParameter(1, root.id).getResultList());
    }

    /** Every area under the root (not the root), ordered by code. */
    public List<Area> descendants(Area root) {
        Set<Long> ids = subtreeIds(root);
        ids.remove(root.id);
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        return list("id in ?1 order by code", ids);
    }
}

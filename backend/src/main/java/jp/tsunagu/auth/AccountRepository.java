package jp.tsunagu.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, Long> {

    public Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public boolean referencesDistrict(long areaId) {
        return count("select count(a) from Account a join a.districts d where d.id = ?1", areaId) > 0;
    }

    /** A page in user-name order after {@code afterUsername}: the text in the user or display name, the role if given. */
    public java.util.List<Account> search(String text, jp.tsunagu.shared.security.Role role, String afterUsername, int limit) {
        StringBuilder q = new StringBuilder("select distinct a from Account a left join a.roles r where 1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (text != null) {
            q.append(" and (lower(a.username) like :text or lower(a.displayName) like :text)");
            params.and("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (role != null) {
            q.append(" and r = :role");
            params.and("role", role);
        }
        if (afterUsername != null) {
            q.append(" and a.username > :after");
            params.and("after", afterUsername);
        }
        q.append(" order by a.username");
        return find(q.toString(), params).page(0, limit).list();
    }

    /** Active administrators other than this account. */
    public long otherActiveAdministrators(long accountId) {
        return count("select count(distinct a) from Account a join a.roles r where r = ?1 and a.active and a.id <> ?2",
                jp.tsunagu.shared.security.Role.ADMIN, accountId);
    }

    /** Whether any account holds the administrator role (active or not: setup is over once one was made). */
    public boolean administratorExists() {
        return count("select count(a) from Account a join a.roles r where r = ?1", jp.tsunagu.shared.security.Role.ADMIN) > 0;
    }
}

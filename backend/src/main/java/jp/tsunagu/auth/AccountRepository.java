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
}

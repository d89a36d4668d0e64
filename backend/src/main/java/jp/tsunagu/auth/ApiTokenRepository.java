package jp.tsunagu.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, Long> {

    public Optional<ApiToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    /** The token whose previous secret (before its last rotation) has this hash. */
    public Optional<ApiToken> findByPreviousHash(String hash) {
        return find("previousHash", hash).firstResultOptional();
    }
}

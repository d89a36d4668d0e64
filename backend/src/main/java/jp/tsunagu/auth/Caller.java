package jp.tsunagu.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Who is calling: a staff account (with roles, and districts for coordinators) or an API token. */
@RequestScoped
public class Caller {

    static final String KIND = "tsunagu.kind";
    static final String DISPLAY_NAME = "tsunagu.displayName";
    static final String DISTRICTS = "tsunagu.districts";
    static final String SCOPES = "tsunagu.scopes";
    static final String MUST_CHANGE_PASSWORD = "tsunagu.mustChangePassword";
    static final String EXTERNAL = "tsunagu.external";

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }

    public CallerKind kind() {
        return identity.getAttribute(KIND);
    }

    public String displayName() {
        return identity.getAttribute(DISPLAY_NAME);
    }

    public boolean isToken() {
        return kind() == CallerKind.API_TOKEN;
    }

    public Set<String> roles() {
        if (isToken()) {
            return Set.of();
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        return roles;
    }

    public Set<String> scopes() {
        Set<String> scopes = identity.getAttribute(SCOPES);
        return scopes == null ? Set.of() : scopes;
    }

    public List<String> districts() {
        List<String> districts = identity.getAttribute(DISTRICTS);
        return districts == null ? List.of() : districts;
    }

    /** Signed in through the city's identity provider: the password is kept there, not here. */
    public boolean external() {
        return Boolean.TRUE.equals(identity.getAttribute(EXTERNAL));
    }

    /** A reset password: until its holder chooses a new one, they have no role (only {@code /me} answers). */
    public boolean mustChangePassword() {
        return Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE_PASSWORD));
    }
}

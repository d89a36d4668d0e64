package jp.tsunagu.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Turns a bearer token into an identity: a database lookup for API tokens; for staff, the claims of a JWT that
 * Tsunagu signed, or else of one the city's identity provider signed ({@link ExternalLogin}, when configured).
 */
@ApplicationScoped
class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final JwtCodec jwt;
    private final ApiTokenService apiTokens;
    private final ExternalLogin external;

    BearerIdentityProvider(JwtCodec jwt, ApiTokenService apiTokens, ExternalLogin external) {
        this.jwt = jwt;
        this.apiTokens = apiTokens;
        this.external = external;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (token.startsWith(ApiTokenService.PREFIX)) {
            return context.runBlocking(() -> apiTokens.authenticate(token)
                    .map(t -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal("token:" + t.id()))
                            .addRoles(t.scopes())
                            .addAttribute(Caller.KIND, CallerKind.API_TOKEN)
                            .addAttribute(Caller.DISPLAY_NAME, t.name())
                            .addAttribute(Caller.SCOPES, Set.copyOf(t.scopes()))
                            .build())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API token")));
        }
        java.util.Optional<JwtCodec.Claims> own = jwt.verify(token);
        if (own.isPresent() || external.settings().isEmpty()) {
            return Uni.createFrom().item(() -> staff(own));
        }
        // The provider's key set may have to be fetched (first use, key rotation): not on the event loop.
        return context.runBlocking(() -> staff(external.verify(token)));
    }

    private static SecurityIdentity staff(java.util.Optional<JwtCodec.Claims> claims) {
        return claims.map(c -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(c.username()))
                        .addRoles(c.roles())
                        .addAttribute(Caller.KIND, CallerKind.USER)
                        .addAttribute(Caller.DISPLAY_NAME, c.displayName())
                        .addAttribute(Caller.DISTRICTS, c.districts())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("invalid or expired token"));
    }
}

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

/** Turns a bearer token into an identity: JWT claims for staff, a database lookup for API tokens. */
@ApplicationScoped
class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final JwtCodec jwt;
    private final ApiTokenService apiTokens;

    BearerIdentityProvider(JwtCodec jwt, ApiTokenService apiTokens) {
        this.jwt = jwt;
        this.apiTokens = apiTokens;
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
                            .addAttribute(Caller.KIND, "API_TOKEN")
                            .addAttribute(Caller.DISPLAY_NAME, t.name())
                            .addAttribute(Caller.SCOPES, Set.copyOf(t.scopes()))
                            .build())
                    .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API token")));
        }
        return Uni.createFrom().item(() -> jwt.verify(token)
                .map(c -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(c.username()))
                        .addRoles(c.roles())
                        .addAttribute(Caller.KIND, "USER")
                        .addAttribute(Caller.DISPLAY_NAME, c.displayName())
                        .addAttribute(Caller.DISTRICTS, c.districts())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("invalid or expired token")));
    }
}

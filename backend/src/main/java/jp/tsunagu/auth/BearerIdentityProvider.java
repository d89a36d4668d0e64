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
    private final AccountIdentities identities;

    BearerIdentityProvider(JwtCodec jwt, ApiTokenService apiTokens, ExternalLogin external, AccountIdentities identities) {
        this.jwt = jwt;
        this.apiTokens = apiTokens;
        this.external = external;
        this.identities = identities;
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
        if (own.isPresent()) {
            // The account as it is now (disabled, roles changed, password reset): AccountStandings keeps it current.
            return context.runBlocking(() -> staff(identities.own(own.get().username()), false));
        }
        if (external.settings().isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("invalid or expired token"));
        }
        // The provider's key set may have to be fetched (first use, key rotation): not on the event loop.
        return context.runBlocking(() -> staff(external.verify(token).flatMap(identities::external), true));
    }

    private static SecurityIdentity staff(java.util.Optional<AccountIdentities.Standing> standing, boolean external) {
        return standing.map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(s.username()))
                        .addRoles(s.roles())
                        .addAttribute(Caller.KIND, CallerKind.USER)
                        .addAttribute(Caller.DISPLAY_NAME, s.displayName())
                        .addAttribute(Caller.DISTRICTS, s.districts())
                        .addAttribute(Caller.MUST_CHANGE_PASSWORD, s.mustChangePassword())
                        .addAttribute(Caller.EXTERNAL, external)
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("invalid or expired token, or the account is disabled"));
    }
}

package jp.tsunagu.auth;

import jp.tsunagu.shared.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Login, the caller's own identity, and API tokens for systems. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "認証", description = "ログインと API トークン")
public class AuthResource {

    private final AuthService auth;
    private final ApiTokenService apiTokens;
    private final Caller caller;
    private final ExternalLogin external;

    AuthResource(AuthService auth, ApiTokenService apiTokens, Caller caller, ExternalLogin external) {
        this.auth = auth;
        this.apiTokens = apiTokens;
        this.caller = caller;
        this.external = external;
    }

    @GET
    @Path("/auth/options")
    @PermitAll
    @Operation(operationId = "getLoginOptions", summary = "ログインの方法（パスワード、市の認証基盤）")
    public LoginOptions loginOptions() {
        return new LoginOptions(auth.passwordLogin(), external.settings()
                .map(o -> new ExternalLoginOptions(o.issuer(), o.clientId(), o.authorizationEndpoint(), o.tokenEndpoint(),
                        o.endSessionEndpoint(), o.scope()))
                .orElse(null));
    }

    @POST
    @Path("/auth/token")
    @PermitAll
    @Operation(operationId = "issueToken", summary = "ログインしてアクセストークン（JWT）を受け取る")
    @Extension(name = "x-problems", value = "401,403,429")
    public TokenResponse issueToken(@Valid @NotNull TokenRequest request) {
        return auth.login(request.username(), request.password());
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getMe", summary = "呼び出し元のアカウント・ロール・担当地区")
    public MeResponse me() {
        return new MeResponse(caller.name(), caller.displayName(), caller.kind(), Role.all(caller.roles()),
                jp.tsunagu.shared.security.Scope.allOf(caller.scopes()), caller.districts(), caller.mustChangePassword(), caller.external());
    }

    @POST
    @Path("/api-tokens")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createApiToken", summary = "連携システム用の API トークンを発行する（秘密は一度だけ表示）")
    @Extension(name = "x-status", value = "201")
    public RestResponse<CreatedApiTokenResponse> createApiToken(@Valid @NotNull CreateApiTokenRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, apiTokens.create(request, caller.name()));
    }

    @GET
    @Path("/api-tokens")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listApiTokens", summary = "API トークンの一覧（秘密は含まない）")
    public ApiTokenList listApiTokens() {
        return new ApiTokenList(apiTokens.list());
    }

    @POST
    @Path("/api-tokens/{id}/renew")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "renewApiToken", summary = "API トークンの有効期限を延ばす（既定は今日から 1 年。秘密は変わらない）")
    @Extension(name = "x-problems", value = "409")
    public ApiTokenResponse renewApiToken(@PathParam("id") long id, @Valid RenewApiTokenRequest request) {
        return apiTokens.renew(id, request == null ? null : request.expiresOn());
    }

    @POST
    @Path("/api-tokens/{id}/rotations")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "rotateApiToken",
            summary = "API トークンの秘密を切り替える（新しい秘密は一度だけ表示。古い秘密は猶予の間（既定 7 日）も使え、そのあと 401）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "409")
    public RestResponse<CreatedApiTokenResponse> rotateApiToken(@PathParam("id") long id,
                                                                @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false)
                                                                @Valid RotateApiTokenRequest request) {
        int grace = request == null || request.graceHours() == null ? 168 : request.graceHours();
        return RestResponse.status(RestResponse.Status.CREATED, apiTokens.rotate(id, grace));
    }

    @DELETE
    @Path("/api-tokens/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "revokeApiToken", summary = "API トークンを失効させる（直後から 401）")
    public void revokeApiToken(@PathParam("id") long id) {
        apiTokens.revoke(id);
    }
}

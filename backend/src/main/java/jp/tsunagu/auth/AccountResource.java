package jp.tsunagu.auth;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.shared.EnumParams;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** 初期設定 and 職員アカウント: the first administrator, then the administrators' accounts page, and one's own password. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "認証", description = "ログイン・アカウント・API トークン")
public class AccountResource {

    private final SetupService setup;
    private final AccountService accounts;
    private final Caller caller;

    AccountResource(SetupService setup, AccountService accounts, Caller caller) {
        this.setup = setup;
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/setup")
    @PermitAll
    @Operation(operationId = "getSetupStatus", summary = "初期設定（最初の管理者の作成）が必要か")
    public SetupStatus getSetupStatus() {
        return new SetupStatus(setup.needed());
    }

    @POST
    @Path("/setup")
    @PermitAll
    @Operation(operationId = "createFirstAdministrator",
            summary = "最初の管理者を作成する（設定コードが必要。一度きりで、管理者がいれば 409）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "401,409,422,429")
    public RestResponse<SetupResponse> createFirstAdministrator(@Valid @NotNull SetupRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, setup.createFirstAdministrator(request));
    }

    @GET
    @Path("/accounts")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listAccounts", summary = "職員アカウントの一覧（ユーザー名順、名前で検索、ロールで絞り込み、カーソルでページ送り）")
    public AccountPage listAccounts(
            @Parameter(description = "ユーザー名・表示名に含む文字") @QueryParam("q") String q,
            @Parameter(schema = @Schema(implementation = Role.class)) @QueryParam("role") String role,
            @Parameter(description = "件数（1〜500）") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "前のページの nextCursor") @QueryParam("cursor") String cursor) {
        return accounts.list(Strings.strippedOrNull(q), EnumParams.parse(Role.class, "role", role), limit, Strings.strippedOrNull(cursor));
    }

    @POST
    @Path("/accounts")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createAccount", summary = "職員アカウントを作る（初期パスワードは最初のログインで本人が変更）")
    @Extension(name = "x-status", value = "201")
    @Extension(name = "x-problems", value = "409,422")
    public RestResponse<AccountResponse> createAccount(@Valid @NotNull CreateAccountRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, accounts.create(request, caller.name()));
    }

    @GET
    @Path("/accounts/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getAccount", summary = "職員アカウントを 1 件取得する")
    public AccountResponse getAccount(@PathParam("id") long id) {
        return accounts.get(id);
    }

    @PUT
    @Path("/accounts/{id}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateAccount", summary = "ロール・担当地区・表示名を変える、無効にする・戻す（最後の管理者は無効にできず 409）")
    @Extension(name = "x-problems", value = "409,422")
    public AccountResponse updateAccount(@PathParam("id") long id, @Valid @NotNull UpdateAccountRequest request) {
        return accounts.update(id, request, caller.name());
    }

    @POST
    @Path("/accounts/{id}/password-reset")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "resetAccountPassword", summary = "仮のパスワードを設定する（本人は次のログインで変更）")
    @Extension(name = "x-problems", value = "409,422")
    public AccountResponse resetAccountPassword(@PathParam("id") long id, @Valid @NotNull PasswordResetRequest request) {
        return accounts.resetPassword(id, request, caller.name());
    }

    @PUT
    @Path("/me/password")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "changeMyPassword", summary = "自分のパスワードを変える（いまのパスワードが必要）")
    @Extension(name = "x-problems", value = "403,422")
    public void changeMyPassword(@Valid @NotNull PasswordChangeRequest request) {
        if (caller.isToken()) {
            throw new jp.tsunagu.shared.ProblemException(403, "no-password", "パスワードを変更できません", "API トークンにはパスワードがありません。", null);
        }
        accounts.changeOwnPassword(caller.name(), request);
    }
}

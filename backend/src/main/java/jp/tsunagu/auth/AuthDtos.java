package jp.tsunagu.auth;

import jp.tsunagu.shared.security.Scope;
import jakarta.validation.constraints.Pattern;
import jp.tsunagu.shared.security.Role;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Marker for the auth DTO records below (kept together: they are small and read as one contract). */
final class AuthDtos {
    private AuthDtos() {
    }
}

@Schema(name = "TokenRequest", description = "ログイン情報")
record TokenRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "planner") String username,
        @NotBlank @Size(max = 200) @Schema(examples = "tsunagu-demo") String password) {
}

@Schema(name = "LoginOptions", description = "ログインの方法（ログイン画面が使う。秘密は含まない）")
record LoginOptions(
        @Schema(description = "Tsunagu のユーザー名とパスワードでログインできる（POST /auth/token）") boolean passwordLogin,
        @Schema(nullable = true, description = "市の認証基盤（OpenID Connect）でのログイン。設定がなければ null") ExternalLoginOptions oidc) {
}

@Schema(name = "ExternalLoginOptions", description = "認可コードフロー（PKCE）で SPA が使う認証基盤の情報")
record ExternalLoginOptions(
        @Schema(examples = "https://idp.city.example/realms/staff") String issuer,
        @Schema(nullable = true, examples = "tsunagu-spa") String clientId,
        @Schema(nullable = true, examples = "https://idp.city.example/realms/staff/protocol/openid-connect/auth") String authorizationEndpoint,
        @Schema(nullable = true, examples = "https://idp.city.example/realms/staff/protocol/openid-connect/token") String tokenEndpoint,
        @Schema(nullable = true, description = "ログアウトのとき認証基盤でもサインアウトする（共用の端末で次の人が前の人としてログインしないように）",
                examples = "https://idp.city.example/realms/staff/protocol/openid-connect/logout") String endSessionEndpoint,
        @Schema(examples = "openid profile") String scope) {
}

@Schema(name = "TokenResponse", description = "署名付き JWT")
record TokenResponse(
        @JsonProperty("access_token") @Schema(examples = "eyJhbGciOiJIUzI1NiJ9…") String accessToken,
        @JsonProperty("token_type") @Schema(examples = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(examples = "28800", description = "有効期間（秒）") long expiresIn) {
}

@Schema(name = "MeResponse", description = "呼び出し元（職員アカウントまたは API トークン）")
record MeResponse(
        @Schema(examples = "coordinator") String subject,
        @Schema(examples = "地域生活支援相談員（デモ）") String displayName,
        @Schema(examples = "USER") CallerKind kind,
        @Schema(examples = "[\"COORDINATOR\"]") List<Role> roles,
        @Schema(examples = "[]") List<Scope> scopes,
        @Schema(description = "担当する校(地)区の地域コード（コーディネーター）", examples = "[\"40100-takasu\"]") List<String> districts,
        @Schema(description = "管理者がパスワードを再設定した: 新しいパスワードを決めるまで、ほかの操作はできない") boolean mustChangePassword,
        @Schema(description = "市の認証基盤（OpenID Connect）でサインインしている: パスワードはそちらで管理し、ここでは変えられない") boolean external) {
}

@Schema(name = "CreateApiTokenRequest")
record CreateApiTokenRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "オープンデータ連携") String name,
        @NotNull @NotEmpty @Schema(examples = "[\"kpi:read\"]") List<@NotNull Scope> scopes,
        @Schema(nullable = true, examples = "2027-12-01", description = "有効期限（省略すると 1 年後）") java.time.LocalDate expiresOn) {
}

@Schema(name = "RenewApiTokenRequest")
record RenewApiTokenRequest(@Schema(nullable = true, examples = "2027-12-01", description = "新しい有効期限（省略すると今日から 1 年後）") java.time.LocalDate expiresOn) {
}

@Schema(name = "CreatedApiTokenResponse", description = "作成したトークン。token はこの応答でしか表示されません。")
record CreatedApiTokenResponse(
        @Schema(examples = "1") long id,
        @Schema(examples = "オープンデータ連携") String name,
        @Schema(examples = "[\"kpi:read\"]") List<Scope> scopes,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        @Schema(examples = "tsu_3q2-Xk…") String token) {
}

@Schema(name = "ApiTokenResponse")
record ApiTokenResponse(
        @Schema(examples = "1") long id,
        @Schema(examples = "オープンデータ連携") String name,
        @Schema(examples = "[\"kpi:read\"]") List<Scope> scopes,
        @Schema(examples = "admin") String createdBy,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime lastUsedAt,
        @Schema(nullable = true) OffsetDateTime revokedAt,
        @Schema(description = "有効期限（過ぎると 401。更新できる）") OffsetDateTime expiresAt,
        @Schema(nullable = true, description = "最後に秘密を切り替えた日時") OffsetDateTime rotatedAt,
        @Schema(nullable = true, description = "切り替える前の秘密が使える期限（過ぎたら null）") OffsetDateTime previousValidUntil) {

    static ApiTokenResponse of(ApiToken t) {
        OffsetDateTime graceEnds = t.previousValidUntil != null && t.previousValidUntil.isAfter(OffsetDateTime.now()) ? t.previousValidUntil : null;
        return new ApiTokenResponse(t.id, t.name, Scope.allOf(t.scopes), t.createdBy, t.createdAt, t.lastUsedAt, t.revokedAt, t.expiresAt,
                t.rotatedAt, graceEnds);
    }
}

@Schema(name = "ApiTokenList")
record ApiTokenList(List<ApiTokenResponse> items) {
}

@Schema(name = "SetupStatus", description = "初期設定（最初の管理者の作成）が必要かどうか")
record SetupStatus(boolean needed) {
}

@Schema(name = "SetupRequest", description = "最初の管理者（設定コードは API の起動ログ、または TSUNAGU_BOOTSTRAP_ADMIN）")
record SetupRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "ABCD-EFGH-JKMN") String setupCode,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*", message = "英数字と . _ @ - で指定してください")
        @Schema(examples = "kanri") String username,
        @NotBlank @Size(max = 200) @Schema(examples = "福祉政策課 管理者") String displayName,
        @NotBlank @Size(max = 200) @Schema(description = "12 文字以上") String password) {
}

@Schema(name = "SetupResponse")
record SetupResponse(@Schema(examples = "kanri") String username) {
}

@Schema(name = "AccountResponse", description = "職員アカウント")
record AccountResponse(
        long id,
        @Schema(examples = "takasu-soudan") String username,
        @Schema(examples = "高須 相談員") String displayName,
        List<Role> roles,
        @Schema(description = "担当地区（コーディネーター）") List<jp.tsunagu.area.AreaRef> districts,
        boolean active,
        @Schema(description = "市の認証基盤でログインするアカウント（パスワードなし）") boolean external,
        @Schema(description = "次のログインでパスワードの変更が必要") boolean mustChangePassword,
        @Schema(nullable = true) java.time.OffsetDateTime lastSignInAt,
        java.time.OffsetDateTime createdAt,
        long version) {
}

@Schema(name = "AccountPage")
record AccountPage(List<AccountResponse> items, @Schema(nullable = true, description = "次のページ（なければ null）") String nextCursor) {
}

@Schema(name = "CreateAccountRequest")
record CreateAccountRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*", message = "英数字と . _ @ - で指定してください")
        @Schema(examples = "takasu-soudan") String username,
        @NotBlank @Size(max = 200) @Schema(examples = "高須 相談員") String displayName,
        @NotNull @NotEmpty List<@NotNull Role> roles,
        @Schema(description = "担当地区の地域コード（コーディネーター）", examples = "[\"40102-takasu\"]") List<@NotBlank String> districtCodes,
        @NotBlank @Size(max = 200) @Schema(description = "初期パスワード（12 文字以上）。本人は最初のログインで変更する") String password) {
}

@Schema(name = "UpdateAccountRequest")
record UpdateAccountRequest(
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @NotEmpty List<@NotNull Role> roles,
        List<@NotBlank String> districtCodes,
        @NotNull @Schema(description = "false で無効にする（その時点からトークンも使えない）") Boolean active,
        @NotNull @Schema(description = "読み込んだときの版") Long version) {
}

@Schema(name = "PasswordResetRequest", description = "管理者が仮のパスワードを設定する（本人は次のログインで変更する）")
record PasswordResetRequest(@NotBlank @Size(max = 200) String password) {
}

@Schema(name = "PasswordChangeRequest")
record PasswordChangeRequest(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
}

@Schema(name = "RotateApiTokenRequest", description = "秘密の切り替え：古い秘密を使える猶予（時間、0〜720。省略すると 168 = 7 日）")
record RotateApiTokenRequest(@Schema(nullable = true, examples = "168") Integer graceHours) {
}

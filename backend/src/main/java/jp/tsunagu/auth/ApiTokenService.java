package jp.tsunagu.auth;

import jp.tsunagu.shared.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.shared.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Creates, lists, revokes and checks API tokens. The secret is shown once and kept only as a hash. */
@ApplicationScoped
public class ApiTokenService {

    static final String PREFIX = "tsu_";
    private static final SecureRandom RANDOM = new SecureRandom();

    record TokenIdentity(long id, String name, Set<String> scopes) {
    }

    private final ApiTokenRepository tokens;

    ApiTokenService(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    CreatedApiTokenResponse create(CreateApiTokenRequest request, String createdBy) {
        Set<String> scopes = request.scopes().stream().map(Scope::value).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        String token = newSecret();
        ApiToken entity = new ApiToken();
        entity.name = request.name().trim();
        entity.tokenHash = hash(token);
        entity.createdBy = createdBy;
        entity.createdAt = OffsetDateTime.now();
        entity.scopes = scopes;
        entity.expiresAt = expiry(request.expiresOn());
        tokens.persist(entity);
        return new CreatedApiTokenResponse(entity.id, entity.name, Scope.allOf(scopes), entity.createdAt, entity.expiresAt, token);
    }

    /** A new expiry date (one year from today unless given); a revoked token stays revoked. */
    @Transactional
    ApiTokenResponse renew(long id, java.time.LocalDate expiresOn) {
        ApiToken token = tokens.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("api-token-not-found", "API トークン " + id + " はありません。"));
        if (token.revoked()) {
            throw ProblemException.conflict("api-token-revoked", "失効させた API トークンは更新できません。新しく発行してください。");
        }
        token.expiresAt = expiry(expiresOn);
        return ApiTokenResponse.of(token);
    }

    /**
     * A new secret for the token (shown once); the old one keeps working for {@code graceHours} (0–720), so the
     * systems holding it can switch without an outage. Name, scopes and expiry stay; a revoked or expired token
     * cannot be rotated.
     */
    @Transactional
    CreatedApiTokenResponse rotate(long id, int graceHours) {
        if (graceHours < 0 || graceHours > 720) {
            throw ProblemException.invalid("graceHours", "古い秘密の猶予は 0〜720 時間（30 日）にしてください");
        }
        ApiToken token = tokens.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("api-token-not-found", "API トークン " + id + " はありません。"));
        OffsetDateTime now = OffsetDateTime.now();
        if (!token.live(now)) {
            throw ProblemException.conflict("api-token-revoked", "失効または期限切れの API トークンは切り替えられません。新しく発行してください。");
        }
        String secret = newSecret();
        token.previousHash = graceHours == 0 ? null : token.tokenHash;
        token.previousValidUntil = graceHours == 0 ? null : now.plusHours(graceHours);
        token.tokenHash = hash(secret);
        token.rotatedAt = now;
        return new CreatedApiTokenResponse(token.id, token.name, Scope.allOf(token.scopes), token.createdAt, token.expiresAt, secret);
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static OffsetDateTime expiry(java.time.LocalDate on) {
        java.time.ZoneId japan = java.time.ZoneId.of("Asia/Tokyo");
        java.time.LocalDate today = java.time.LocalDate.now(japan);
        java.time.LocalDate day = on == null ? today.plusYears(1) : on;
        if (!day.isAfter(today) || day.isAfter(today.plusYears(3))) {
            throw ProblemException.invalid("expiresOn", "有効期限は明日から 3 年以内の日にしてください");
        }
        return day.plusDays(1).atStartOfDay(japan).toOffsetDateTime();
    }

    @Transactional
    List<ApiTokenResponse> list() {
        return tokens.listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(ApiTokenResponse::of).toList();
    }

    @Transactional
    void revoke(long id) {
        ApiToken token = tokens.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("api-token-not-found", "API トークン " + id + " はありません。"));
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now();
        }
    }

    /**
     * The live token with this secret — its current one, or the one before its last rotation while the grace period
     * lasts — if any; records its use at most once a minute.
     */
    @Transactional
    Optional<TokenIdentity> authenticate(String secret) {
        OffsetDateTime now = OffsetDateTime.now();
        String hashed = hash(secret);
        Optional<ApiToken> current = tokens.findByHash(hashed);
        Optional<ApiToken> found = current.isPresent() ? current : tokens.findByPreviousHash(hashed)
                .filter(t -> t.previousValidUntil != null && now.isBefore(t.previousValidUntil));
        return found.filter(t -> t.live(now)).map(t -> {
            if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minusMinutes(1))) {
                t.lastUsedAt = now;
            }
            return new TokenIdentity(t.id, t.name, Set.copyOf(t.scopes));
        });
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

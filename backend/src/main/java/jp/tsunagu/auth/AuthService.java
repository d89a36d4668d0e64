package jp.tsunagu.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jp.tsunagu.shared.ProblemException;
import org.mindrot.jbcrypt.BCrypt;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Staff login. Wrong user name and wrong password look the same from outside; after
 * {@code tsunagu.login.free-failures} failures for one user name each further attempt must wait
 * twice as long (up to {@code tsunagu.login.max-delay}). The state is in the database, so every
 * replica enforces it.
 */
@ApplicationScoped
public class AuthService {

    /** Checked against when the account does not exist, so that both cases take the same time. */
    private static final String DUMMY_HASH = BCrypt.hashpw("not-a-password", BCrypt.gensalt(10));

    private final AccountRepository accounts;
    private final JwtCodec jwt;
    private final EntityManager em;
    private final int freeFailures;
    private final Duration maxDelay;
    private final boolean passwordLogin;

    AuthService(AccountRepository accounts, JwtCodec jwt, EntityManager em, LoginSettings config) {
        this.passwordLogin = config.passwordEnabled();
        this.accounts = accounts;
        this.jwt = jwt;
        this.em = em;
        this.freeFailures = config.freeFailures();
        this.maxDelay = config.maxDelay();
    }

    public static String hashPassword(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(10));
    }

    /** False where the city's identity provider has replaced Tsunagu's own passwords ({@code tsunagu.login.password-enabled}). */
    boolean passwordLogin() {
        return passwordLogin;
    }

    TokenResponse login(String username, String password) {
        if (!passwordLogin) {
            throw new ProblemException(403, "password-login-disabled", "パスワードではログインできません",
                    "この環境では市の認証基盤でログインします。ログイン画面の「庁内アカウントでログイン」を使ってください。", null);
        }
        String name = username.trim();
        OffsetDateTime lockedUntil = QuarkusTransaction.requiringNew().call(() -> lockedUntil(name));
        OffsetDateTime now = OffsetDateTime.now();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw ProblemException.tooManyAttempts(Math.max(1, Duration.between(now, lockedUntil).toSeconds() + 1));
        }
        Optional<String> token = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Account> account = accounts.findByUsername(name).filter(a -> a.active);
            boolean matches = BCrypt.checkpw(password, account.map(a -> a.passwordHash).orElse(DUMMY_HASH));
            return account.filter(a -> matches).map(a -> {
                a.lastSignInAt = OffsetDateTime.now();
                return jwt.sign(a);
            });
        });
        if (token.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> recordFailure(name));
            throw new ProblemException(401, "invalid-credentials", "ログインできません",
                    "ユーザー名またはパスワードが正しくありません。", null);
        }
        QuarkusTransaction.requiringNew().run(() -> clearFailures(name));
        return new TokenResponse(token.get(), "Bearer", jwt.lifetime().toSeconds());
    }

    OffsetDateTime lockedUntil(String name) {
        var rows = em.createNativeQuery("select locked_until from login_throttle where username = ?1", OffsetDateTime.class)
                .setParameter(1, name).getResultList();
        return rows.isEmpty() ? null : (OffsetDateTime) rows.get(0);
    }

    void recordFailure(String name) {
        Number failures = (Number) em.createNativeQuery("""
                        insert into login_throttle (username, failures, updated_at) values (?1, 1, now())
                        on conflict (username) do update set failures = login_throttle.failures + 1, updated_at = now()
                        returning failures""")
                .setParameter(1, name).getSingleResult();
        int over = failures.intValue() - freeFailures;
        if (over >= 0) {
            long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(over, 20));
            em.createNativeQuery("update login_throttle set locked_until = now() + make_interval(secs => ?2) where username = ?1")
                    .setParameter(1, name).setParameter(2, (double) seconds).executeUpdate();
        }
    }

    void clearFailures(String name) {
        em.createNativeQuery("delete from login_throttle where username = ?1").setParameter(1, name).executeUpdate();
    }
}

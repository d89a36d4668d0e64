package jp.tsunagu.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final LoginThrottle throttle;
    private final boolean passwordLogin;

    AuthService(AccountRepository accounts, JwtCodec jwt, LoginThrottle throttle, LoginSettings config) {
        this.passwordLogin = config.passwordEnabled();
        this.accounts = accounts;
        this.jwt = jwt;
        this.throttle = throttle;
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
        OffsetDateTime lockedUntil = QuarkusTransaction.requiringNew().call(() -> throttle.lockedUntil(name));
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
            QuarkusTransaction.requiringNew().run(() -> throttle.recordFailure(name));
            throw new ProblemException(401, "invalid-credentials", "ログインできません",
                    "ユーザー名またはパスワードが正しくありません。", null);
        }
        QuarkusTransaction.requiringNew().run(() -> throttle.clearFailures(name));
        return new TokenResponse(token.get(), "Bearer", jwt.lifetime().toSeconds());
    }
}

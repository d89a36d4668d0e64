package jp.tsunagu.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.shared.AdvisoryLocks;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.security.Role;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;

/**
 * 初期設定: a fresh installation has no account. While no administrator exists, each API process writes a
 * single-use setup code at start (its SHA-256 only) and logs it, or takes the operator's own from
 * {@code TSUNAGU_BOOTSTRAP_ADMIN}; whoever holds a code creates the first administrator. From then on the setup
 * answers 409 for good and the codes are void. A wrong code waits longer each time, as a wrong password does.
 */
@ApplicationScoped
class SetupService {

    private static final Logger LOG = Logger.getLogger(SetupService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/I/L: read off a log and typed by hand. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final String THROTTLE_KEY = "setup-code";

    /** Another key space than the indicators' locks (see {@link AdvisoryLocks}). */
    private static final long SETUP_LOCK = 7362657475L;

    private final SetupCodes codes;
    private final AdvisoryLocks locks;
    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final AccountAudit audit;
    private final Optional<String> bootstrap;

    SetupService(SetupCodes codes, AdvisoryLocks locks, AccountRepository accounts, LoginThrottle throttle, AccountAudit audit,
                 SetupSettings settings) {
        this.audit = audit;
        this.codes = codes;
        this.locks = locks;
        this.accounts = accounts;
        this.throttle = throttle;
        this.bootstrap = settings.bootstrapAdmin().map(String::strip).filter(s -> !s.isEmpty());
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (accounts.administratorExists()) {
                codes.clear();
                return;
            }
            String code = bootstrap.orElseGet(SetupService::newCode);
            codes.add(code);
            if (bootstrap.isPresent()) {
                LOG.info("初期設定: 管理者がまだいません。TSUNAGU_BOOTSTRAP_ADMIN の設定コードで最初の管理者を作成してください。");
            } else {
                LOG.infof("初期設定: 管理者がまだいません。画面の「初期設定」でこの設定コードを入力してください: %s", code);
            }
        });
    }

    /** Whether the first administrator is still to be created. */
    boolean needed() {
        return QuarkusTransaction.requiringNew().call(() -> !accounts.administratorExists());
    }

    /** Creates the first administrator: 409 once one exists, 401 (and a growing wait) for a wrong code. */
    SetupResponse createFirstAdministrator(SetupRequest r) {
        OffsetDateTime lockedUntil = QuarkusTransaction.requiringNew().call(() -> throttle.lockedUntil(THROTTLE_KEY));
        OffsetDateTime now = OffsetDateTime.now();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw ProblemException.tooManyAttempts(Math.max(1, Duration.between(now, lockedUntil).toSeconds() + 1));
        }
        if (!needed()) {
            throw ProblemException.conflict("setup-done", "初期設定は済んでいます。管理者でログインしてください。");
        }
        PasswordPolicy.require(r.password(), r.username(), "password");
        Boolean created = QuarkusTransaction.requiringNew().call(() -> {
            // One setup at a time, across replicas.
            locks.lockForTransaction(SETUP_LOCK);
            if (accounts.administratorExists()) {
                throw ProblemException.conflict("setup-done", "初期設定は済んでいます。管理者でログインしてください。");
            }
            if (!codes.use(r.setupCode().strip())) {
                return false;
            }
            if (accounts.findByUsername(r.username().strip()).isPresent()) {
                throw ProblemException.conflict("username-taken", "ユーザー名「" + r.username().strip() + "」はすでに使われています。");
            }
            Account admin = new Account();
            admin.username = r.username().strip();
            admin.displayName = r.displayName().strip();
            admin.passwordHash = AuthService.hashPassword(r.password());
            admin.roles = EnumSet.of(Role.ADMIN);
            accounts.persist(admin);
            codes.clear();
            accounts.flush();
            audit.record(admin.username, "CREATE", admin, "初期設定で最初の管理者を作成");
            return true;
        });
        if (!created) {
            QuarkusTransaction.requiringNew().run(() -> throttle.recordFailure(THROTTLE_KEY));
            throw new ProblemException(401, "invalid-setup-code", "設定コードが違います",
                    "設定コードが正しくありません。API の起動時のログに出ているコードを入力してください。", null);
        }
        QuarkusTransaction.requiringNew().run(() -> throttle.clearFailures(THROTTLE_KEY));
        return new SetupResponse(r.username().strip());
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}

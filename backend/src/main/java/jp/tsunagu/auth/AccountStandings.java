package jp.tsunagu.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The accounts' standing as of their last change, kept in memory so that a request does not read the account
 * tables (a transaction and three queries: 53 % of the API's CPU in the candidate-ranking benchmark).
 *
 * <p>A change must still take effect at once on every replica, as when the account was read on every request:
 * <ul>
 *   <li>on this replica, every change to an {@link Account} (its roles and districts bump its version, so they
 *   count) moves the generation on after its transaction ends ({@link #changedInThisTransaction()}); an entry
 *   made before that no longer counts. The generation is read <em>before</em> the database, so an entry read
 *   from data that a commit was about to replace is already of an old generation;</li>
 *   <li>on the other replicas, a trigger on the account tables (V19) sends {@code NOTIFY tsunagu_account_changed}
 *   with the commit, and a connection of this replica that LISTENs moves the generation on when it arrives
 *   (milliseconds after the commit). The same covers changes made with SQL by hand;</li>
 *   <li>while that connection is down (database restarting, network), nothing is served from memory: every
 *   request reads the database, as before. Once listening again, the generation moves on, so nothing from
 *   before the gap is used.</li>
 * </ul>
 * An entry also ages out after {@link #MAX_AGE}. Hand-written rather than a cache library: the correctness lies in
 * the generation rule above, which a general cache's eviction would not give us, and the map itself is small.
 */
@ApplicationScoped
class AccountStandings {

    static final String CHANNEL = "tsunagu_account_changed";
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(AccountStandings.class);

    private record Entry(Optional<AccountIdentities.Standing> standing, long generation, long madeAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile Thread listener;

    private final TransactionSynchronizationRegistry transactions;
    private final String url;
    private final String user;
    private final Optional<String> password;

    AccountStandings(TransactionSynchronizationRegistry transactions,
                     @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                     @ConfigProperty(name = "quarkus.datasource.username") String user,
                     @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.transactions = transactions;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The standing of {@code username}: from memory when nothing changed since it was read, else from {@code read}. */
    Optional<AccountIdentities.Standing> get(String username, Supplier<Optional<AccountIdentities.Standing>> read) {
        long now = System.nanoTime();
        long current = generation.get();
        Entry e = listening ? entries.get(username) : null;
        if (e != null && e.generation == current && now - e.madeAtNanos < MAX_AGE.toNanos()) {
            return e.standing;
        }
        Optional<AccountIdentities.Standing> fresh = read.get();
        if (listening) {
            entries.put(username, new Entry(fresh, current, now));
        }
        return fresh;
    }

    /** Called for every change to an account (entity callbacks): what is in memory stops counting once it commits. */
    void changedInThisTransaction() {
        generation.incrementAndGet();
        if (transactions.getTransactionKey() == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forgetAll();
                }
            }
        });
    }

    private void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    void start(@Observes StartupEvent started) {
        Thread t = new Thread(this::listen, "tsunagu-account-changes");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Holds one connection of its own (outside the pool) that LISTENs; reconnects after a second when it drops. */
    private void listen() {
        while (!stopping) {
            Properties props = new Properties();
            props.setProperty("user", user);
            password.ifPresent(p -> props.setProperty("password", p));
            props.setProperty("ApplicationName", "tsunagu account changes");
            props.setProperty("tcpKeepAlive", "true");
            try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                forgetAll();
                listening = true;
                while (!stopping) {
                    // Waits up to 10 s for notifications; the check below notices a connection that died quietly.
                    var notes = pg.getNotifications(10_000);
                    if (notes != null && notes.length > 0) {
                        forgetAll();
                    } else if (!c.isValid(3)) {
                        throw new SQLException("the listening connection stopped answering");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    LOG.warnf("Account changes are not heard from the database (%s); reading accounts on every request until it is back", e.getMessage());
                }
            } finally {
                listening = false;
                entries.clear();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

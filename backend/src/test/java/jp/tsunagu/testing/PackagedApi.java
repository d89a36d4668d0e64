package jp.tsunagu.testing;

import jp.tsunagu.devdb.DevDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged API (target/quarkus-app) started as a process of its own in the prod profile, as a replica runs, on a
 * database of the test's: for the *IT tests that stop it (TERM) or kill it and start it again.
 */
public final class PackagedApi implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    /** {@code properties} are passed as -D options; the setup code TSUNAGU_BOOTSTRAP_ADMIN is {@code setupCode}. */
    public PackagedApi(DevDatabase db, String database, String setupCode, Map<String, String> properties, Map<String, String> env)
            throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("package the API first (mvn verify does)");
        }
        this.port = freePort();
        this.log = Files.createTempFile("tsunagu-it", ".log");
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=prod", "-Dquarkus.http.host=127.0.0.1"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        environment = new java.util.HashMap<>(Map.of("API_PORT", String.valueOf(port), "DB_JDBC_URL", db.server().jdbcUrl(database),
                "DB_USER", db.server().user(), "DB_PASSWORD", db.server().password() == null ? "" : db.server().password(),
                "TSUNAGU_JWT_SECRET", "packaged-api-test-secret-0123456789abcdef", "TSUNAGU_BOOTSTRAP_ADMIN", setupCode));
        environment.putAll(env);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    /** Starts the process (again, after a kill: same port, same database) and waits until it is ready. */
    public PackagedApi start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the API stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the API was not ready in 90 s:\n" + Files.readString(log));
    }

    /** SIGKILL, as a crash or an OOM kill would: nothing runs on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

package jp.tsunagu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.tsunagu.devdb.DevDatabase;

import java.util.Map;
import java.util.UUID;

/**
 * Gives the test run a database of its own on the server chosen by the project's one rule
 * (DATABASE_URL, else localhost:5432, else an embedded PostgreSQL), and drops it afterwards.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private DevDatabase db;
    private String name;

    @Override
    public Map<String, String> start() {
        db = DevDatabase.locate(System.getenv(), null);
        name = "tsunagu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.ensureDatabase(name);
        System.out.println("Tests use database " + name + " on " + db.server().origin());
        return Map.of(
                "quarkus.datasource.jdbc.url", db.server().jdbcUrl(name),
                "quarkus.datasource.username", db.server().user(),
                "quarkus.datasource.password", db.server().password() == null ? "" : db.server().password());
    }

    @Override
    public void stop() {
        if (db != null) {
            try {
                db.dropDatabase(name);
            } finally {
                db.close();
            }
        }
    }
}

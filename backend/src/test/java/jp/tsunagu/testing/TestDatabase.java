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
    private OutageProxy proxy;
    private boolean outage;

    @Override
    public void setContext(Context context) {
        outage = DatabaseOutage.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        db = DevDatabase.locate(System.getenv(), null);
        name = "tsunagu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.ensureDatabase(name);
        System.out.println("Tests use database " + name + " on " + db.server().origin());
        String url = db.server().jdbcUrl(name);
        if (outage) {
            try {
                proxy = new OutageProxy(db.server().host(), db.server().port());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            url = url.replace(db.server().host() + ":" + db.server().port(), "127.0.0.1:" + proxy.port());
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", db.server().user(),
                "quarkus.datasource.password", db.server().password() == null ? "" : db.server().password());
    }

    @Override
    public void stop() {
        if (proxy != null) {
            System.setProperty(OutageProxy.SWITCH, "up");
            proxy.close();
        }
        if (db != null) {
            try {
                db.dropDatabase(name);
            } finally {
                db.close();
            }
        }
    }
}

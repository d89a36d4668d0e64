package jp.tsunagu.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The database goes away and comes back while the API runs: {@link TestDatabase} puts an {@link OutageProxy}
 * between them for this profile. An empty city (no demo data), so the API starts quickly.
 */
public class DatabaseOutage implements QuarkusTestProfile {

    public static final String SETUP_CODE = "OUTAGE-SETUP-7731";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tsunagu.demo.enabled", "false", "tsunagu.setup.bootstrap-admin", SETUP_CODE,
                "quarkus.datasource.jdbc.acquisition-timeout", "2S", "quarkus.datasource.jdbc.login-timeout", "1S");
    }
}

package jp.tsunagu.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A city installing Tsunagu on an empty database: no demo data, no account, the operator's own setup code.
 * The API restarts once for the tests that use it, on a database of its own.
 */
public class NewCity implements QuarkusTestProfile {

    public static final String SETUP_CODE = "TEST-SETUP-CODE-4821";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tsunagu.demo.enabled", "false", "tsunagu.setup.bootstrap-admin", SETUP_CODE);
    }
}

package jp.tsunagu.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A city that configured Tsunagu its own way: staff sign in only at its identity provider, and candidates are
 * ranked by nearness alone. Tests of configuration share this one profile, so the API restarts once for them.
 */
public class CityConfiguration implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tsunagu.login.password-enabled", "false",
                "tsunagu.matching.weight.distance", "1",
                "tsunagu.matching.weight.availability", "0",
                "tsunagu.matching.weight.load", "0",
                "tsunagu.matching.weight.continuity", "0",
                "tsunagu.matching.weight.fairness", "0");
    }
}

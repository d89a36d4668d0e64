package jp.tsunagu.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} and {@link TestIdentityProvider} for every {@code @QuarkusTest} of the module. */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(TestIdentityProvider.class)
public class TestResources {
}

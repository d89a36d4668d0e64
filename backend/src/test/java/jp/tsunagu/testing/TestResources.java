package jp.tsunagu.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} for every {@code @QuarkusTest} of the module. */
@QuarkusTestResource(TestDatabase.class)
public class TestResources {
}

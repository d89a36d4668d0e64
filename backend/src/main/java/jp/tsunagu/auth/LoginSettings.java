package jp.tsunagu.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code tsunagu.login.*}: password sign-in and its growing wait after failures. */
@ConfigMapping(prefix = "tsunagu.login")
interface LoginSettings {

    /** Failures allowed before each further attempt has to wait. */
    @WithDefault("5")
    int freeFailures();

    /** The longest wait. */
    @WithDefault("PT5M")
    Duration maxDelay();

    /** False where the city's identity provider has replaced Tsunagu's own passwords. */
    @WithDefault("true")
    boolean passwordEnabled();
}

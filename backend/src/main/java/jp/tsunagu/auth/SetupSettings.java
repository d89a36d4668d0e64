package jp.tsunagu.auth;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code tsunagu.setup.*}: the first administrator's setup code, when the operator chooses it ({@code TSUNAGU_BOOTSTRAP_ADMIN}). */
@ConfigMapping(prefix = "tsunagu.setup")
interface SetupSettings {

    /** Without it, each API process logs a random code of its own while no administrator exists. */
    Optional<String> bootstrapAdmin();
}

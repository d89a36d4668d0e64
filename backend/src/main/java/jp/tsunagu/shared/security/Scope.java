package jp.tsunagu.shared.security;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an API token may do, as the contract spells it ({@code kpi:read} …). The same words are the token
 * identity's roles, so {@code @RolesAllowed} names them through the constants of {@link Scopes}.
 */
public enum Scope {
    KPI_READ(Scopes.KPI_READ),
    DIRECTORY_READ(Scopes.DIRECTORY_READ),
    INDICATOR_VALUES_WRITE(Scopes.INDICATOR_VALUES_WRITE);

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The scope spelled so; unknown words (a scope since withdrawn) are left out by the callers. */
    public static java.util.Optional<Scope> of(String value) {
        for (Scope s : values()) {
            if (s.value.equals(value)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The scopes among these words, in the enum's order. */
    public static java.util.List<Scope> allOf(java.util.Collection<String> values) {
        return values.stream().map(Scope::of).flatMap(java.util.Optional::stream).sorted().toList();
    }

    @Override
    public String toString() {
        return value;
    }
}

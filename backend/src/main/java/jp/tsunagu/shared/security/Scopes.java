package jp.tsunagu.shared.security;

import java.util.Set;

/** Scopes an API token may carry; they act as roles of the token's identity. */
public final class Scopes {

    public static final String KPI_READ = "kpi:read";
    public static final String DIRECTORY_READ = "directory:read";
    public static final String INDICATOR_VALUES_WRITE = "indicator-values:write";

    public static final Set<String> ALL = Set.of(KPI_READ, DIRECTORY_READ, INDICATOR_VALUES_WRITE);

    private Scopes() {
    }
}

package jp.tsunagu.shared.security;

/** The scope words as constants, for {@code @RolesAllowed} (annotations cannot name an enum's value); see {@link Scope}. */
public final class Scopes {

    public static final String KPI_READ = "kpi:read";
    public static final String DIRECTORY_READ = "directory:read";
    public static final String INDICATOR_VALUES_WRITE = "indicator-values:write";

    private Scopes() {
    }
}

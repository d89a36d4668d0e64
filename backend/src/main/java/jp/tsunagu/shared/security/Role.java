package jp.tsunagu.shared.security;

/** What a staff account may do. API tokens carry scopes instead (see {@link Scopes}). */
public enum Role {
    ADMIN, PLANNER, APPROVER, COORDINATOR, VIEWER;

    /** Role names for {@code @RolesAllowed}. */
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String PLANNER_ROLE = "PLANNER";
    public static final String APPROVER_ROLE = "APPROVER";
    public static final String COORDINATOR_ROLE = "COORDINATOR";
    public static final String VIEWER_ROLE = "VIEWER";

    /** The roles among these names, in declaration order (ADMIN first); names that are not roles are left out. */
    public static java.util.List<Role> all(java.util.Collection<String> names) {
        return java.util.Arrays.stream(values()).filter(r -> names.contains(r.name())).toList();
    }
}

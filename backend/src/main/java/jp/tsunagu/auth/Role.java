package jp.tsunagu.auth;

/** What a staff account may do. API tokens carry scopes instead (see {@link Scopes}). */
public enum Role {
    ADMIN, PLANNER, APPROVER, COORDINATOR, VIEWER;

    /** Role names for {@code @RolesAllowed}. */
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String PLANNER_ROLE = "PLANNER";
    public static final String APPROVER_ROLE = "APPROVER";
    public static final String COORDINATOR_ROLE = "COORDINATOR";
    public static final String VIEWER_ROLE = "VIEWER";
}

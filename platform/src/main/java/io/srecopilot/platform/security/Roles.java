package io.srecopilot.platform.security;

/**
 * Role names as compile-time constants for {@code @RolesAllowed}: the one way a resource method
 * requires a role. {@link RoleHierarchyAugmentor} makes higher roles pass lower checks.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ENGINEER = "engineer";
    public static final String ADMIN = "admin";
    public static final String OWNER = "owner";
    /** Other SRE Copilot services, signed in with a service account; outside the project roles. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}

package io.srecopilot.platform.security;

/**
 * Attribute names that non-JWT authentication mechanisms (API keys, WebSocket tickets) set on
 * the {@link io.quarkus.security.identity.SecurityIdentity} so {@link CallerContext} reads
 * every caller the same way.
 */
public final class CallerAttributes {

    public static final String TENANT_ID = "sre.tenant-id";
    public static final String PROJECT_ID = "sre.project-id";
    public static final String ACTOR_TYPE = "sre.actor-type";
    public static final String ACTOR_ID = "sre.actor-id";

    private CallerAttributes() {
    }
}

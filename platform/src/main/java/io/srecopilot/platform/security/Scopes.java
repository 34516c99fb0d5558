package io.srecopilot.platform.security;

import java.util.Set;

/**
 * What an API key may do. A key's identity carries its scopes as roles, so endpoints that
 * machines call list the scope next to the user role: {@code @RolesAllowed({Scopes.INGEST_WRITE, Roles.ENGINEER})}.
 */
public final class Scopes {

    /** Send alerts, events and deploy (change) events to ingest. */
    public static final String INGEST_WRITE = "ingest:write";

    /** Read the project's data, as a viewer would. */
    public static final String READ = "read";

    public static final Set<String> ALL = Set.of(INGEST_WRITE, READ);

    private Scopes() {
    }
}

package io.srecopilot.platform.security;

/**
 * What a service token allows (API keys have theirs in {@link Scopes}), as {@code @RolesAllowed} names: auth grants each service account its
 * own set ({@code sre.auth.service-accounts.<name>.scopes}), so a service's token opens only the
 * calls that service makes. They travel in the token's {@code groups} beside {@link Roles#SERVICE}.
 */
public final class ServiceScopes {

    /** Asking auth what an API key may do (every service that accepts API keys). */
    public static final String INTROSPECT_API_KEYS = "apikeys:introspect";
    /**
     * Reading a project's operational context from ingest (ai, for its analyses); only in a token
     * bound to that one project ({@code tid}, {@code pid}).
     */
    public static final String READ_CONTEXT = "context:read";

    private ServiceScopes() {
    }

    /** Whether the scope is granted only in a token bound to one project. */
    public static boolean perProject(String scope) {
        return READ_CONTEXT.equals(scope);
    }
}

package io.srecopilot.platform.apikey;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.security.ApiKeyFormat;
import io.srecopilot.platform.security.CallerAttributes;
import io.srecopilot.platform.security.Roles;
import io.srecopilot.platform.security.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns an API key into an identity of its project: its scopes become roles, and {@code read}
 * also grants the viewer role, so read-only keys reach every endpoint a viewer may.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final ApiKeyIntrospector introspector;

    public ApiKeyIdentityProvider(ApiKeyIntrospector introspector) {
        this.introspector = introspector;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        if (ApiKeyFormat.prefixOf(request.key()).isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed API key"));
        }
        return introspector.introspect(request.key()).map(answer -> {
            if (!answer.active()) {
                throw new AuthenticationFailedException("Unknown, revoked or expired API key");
            }
            return identity(answer);
        });
    }

    private static SecurityIdentity identity(AuthClient.KeyIntrospection key) {
        Set<String> roles = new HashSet<>(key.scopes());
        if (roles.contains(Scopes.READ)) {
            roles.add(Roles.VIEWER);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("apikey:" + key.keyId()))
                .addRoles(roles)
                .addAttribute(CallerAttributes.TENANT_ID, key.tenantId().toString())
                .addAttribute(CallerAttributes.PROJECT_ID, key.projectId().toString())
                .addAttribute(CallerAttributes.ACTOR_TYPE, ActorType.APIKEY.value())
                .addAttribute(CallerAttributes.ACTOR_ID, key.keyId().toString())
                .build();
    }
}

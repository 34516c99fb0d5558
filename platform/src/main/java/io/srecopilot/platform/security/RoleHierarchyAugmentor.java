package io.srecopilot.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens carry exactly one role per project; this adds the roles it includes so that
 * {@code @RolesAllowed(Roles.ENGINEER)} also admits admins and owners. A token with a project role
 * but without a well-formed tenant and project is refused here, before any endpoint sees it.
 */
@ApplicationScoped
public class RoleHierarchyAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> implied = identity.getRoles().stream()
                .flatMap(name -> Role.fromValue(name).stream())
                .flatMap(role -> role.withIncluded().stream())
                .map(Role::value)
                .collect(Collectors.toSet());
        if (!implied.isEmpty() && identity.getPrincipal() instanceof JsonWebToken jwt
                && !(isUuid(jwt.getClaim("tid")) && isUuid(jwt.getClaim("pid")))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("A project role without tid and pid"));
        }
        if (identity.getRoles().containsAll(implied)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(implied).build());
    }

    private static boolean isUuid(Object claim) {
        if (claim == null) {
            return false;
        }
        try {
            UUID.fromString(claim instanceof JsonString json ? json.getString() : claim.toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

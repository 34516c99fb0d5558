package io.srecopilot.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant, project, role and actor of the current request, read from the access token
 * ({@code tid}, {@code pid}, {@code groups}, {@code sub}) or from the attributes another
 * mechanism set. A token without a well-formed tenant, project or role is a failed
 * authentication. API keys have scopes instead of a role: their {@link Caller#role()} is null.
 * Services (service-account tokens) have neither a tenant nor a project.
 */
@RequestScoped
public class CallerContext {

    private final SecurityIdentity identity;
    private Caller caller;

    public CallerContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    public UUID tenantId() {
        return get().tenantId();
    }

    public UUID projectId() {
        return get().projectId();
    }

    public Role role() {
        return get().role();
    }

    public Actor actor() {
        return get().actor();
    }

    private Caller resolve() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Role role = identity.getRoles().stream()
                .flatMap(name -> Role.fromValue(name).stream())
                .max(Comparator.naturalOrder())
                .orElse(null);
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (identity.hasRole(Roles.SERVICE)) {
                return new Caller(null, null, null, new Actor(ActorType.SERVICE, jwt.getSubject()));
            }
            if (role == null) {
                throw new AuthenticationFailedException("The token carries no project role");
            }
            return new Caller(uuid(jwt.getClaim("tid"), "tid"), uuid(jwt.getClaim("pid"), "pid"), role,
                    new Actor(ActorType.USER, jwt.getSubject()));
        }
        ActorType actorType = ActorType.fromValue(identity.getAttribute(CallerAttributes.ACTOR_TYPE))
                .orElseThrow(() -> new AuthenticationFailedException("The credential names no actor type"));
        return new Caller(uuid(identity.getAttribute(CallerAttributes.TENANT_ID), "tenant"),
                uuid(identity.getAttribute(CallerAttributes.PROJECT_ID), "project"), role,
                new Actor(actorType, identity.getAttribute(CallerAttributes.ACTOR_ID)));
    }

    private static UUID uuid(Object value, String name) {
        return Optional.ofNullable(value)
                .map(v -> v instanceof JsonString json ? json.getString() : v.toString())
                .flatMap(CallerContext::parse)
                .orElseThrow(() -> new AuthenticationFailedException("The credential has no valid " + name + " id"));
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.srecopilot.platform.security;

import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import java.util.UUID;

/**
 * Who is calling and on behalf of which tenant and project. Every query a service runs for a
 * caller filters by {@link #tenantId()} and {@link #projectId()}. {@code role} is null for API
 * keys, which act through scopes.
 */
public record Caller(UUID tenantId, UUID projectId, Role role, Actor actor) {

    /** The signed-in user's id; null when the caller is a machine. */
    public UUID userId() {
        return actor.type() == ActorType.USER ? UUID.fromString(actor.id()) : null;
    }
}

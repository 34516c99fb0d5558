package io.srecopilot.platform.security;

import io.srecopilot.platform.events.Actor;
import java.util.UUID;

/**
 * Who is calling and on behalf of which tenant and project. Every query a service runs for a
 * caller filters by {@link #tenantId()} and {@link #projectId()}. {@code role} is null for API
 * keys, which act through scopes.
 */
public record Caller(UUID tenantId, UUID projectId, Role role, Actor actor) {
}

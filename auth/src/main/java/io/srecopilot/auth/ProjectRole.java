package io.srecopilot.auth;

import io.srecopilot.platform.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A project and the caller's role in it: {@code {id, name, role, archivedAt}}. */
public record ProjectRole(UUID id, String name, Role role, Instant archivedAt) {
}

package io.srecopilot.auth;

import io.srecopilot.platform.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A member of a project: {@code {userId, email, fullName, role, joinedAt}}. */
public record MemberView(UUID userId, String email, String fullName, Role role, Instant joinedAt) {
}

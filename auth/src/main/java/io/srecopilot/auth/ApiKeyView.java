package io.srecopilot.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as the API shows it: never its secret or hash. */
public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, key.prefix, key.scopeList(), key.createdAt, key.expiresAt,
                key.lastUsedAt, key.revokedAt);
    }
}

package io.srecopilot.auth.service;

import java.util.UUID;

/**
 * The outcome of presenting a refresh token: a successor token, or a refusal. A refusal is a
 * value, not a failure, so that revoking a reused token's family still commits.
 */
public record Rotation(String successor, UUID userId, UUID projectId) {

    static final Rotation REFUSED = new Rotation(null, null, null);

    public boolean refused() {
        return successor == null;
    }
}

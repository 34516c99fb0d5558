package io.srecopilot.auth.tokens;

import io.srecopilot.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Password hashes: Argon2id at the configured cost (OWASP: 19 MiB, 2 passes, 1 lane). Hashes made
 * with another cost or scheme still verify and report {@link #needsRehash}. CPU- and memory-bound:
 * call it on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class PasswordHasher {

    private final Argon2id.Cost cost;
    /** Verified against when the email is unknown, so failing takes as long either way. */
    private final String decoy;

    @Inject
    public PasswordHasher(AuthConfig config) {
        this(config.password());
    }

    PasswordHasher(AuthConfig.Password password) {
        this.cost = new Argon2id.Cost(password.memoryKib(), password.iterations(), password.parallelism());
        this.decoy = hash("decoy password that matches nothing");
    }

    public String hash(String password) {
        return Argon2id.hash(password, cost);
    }

    /** @param stored a stored hash, or null for an unknown account (always false, same cost) */
    public boolean verify(String password, String stored) {
        String candidate = stored == null ? decoy : stored;
        boolean matches = Argon2id.verify(password, candidate)
                .or(() -> LegacyPbkdf2.verify(password, candidate))
                .orElse(false);
        return matches && stored != null;
    }

    public boolean needsRehash(String stored) {
        return !Argon2id.hasCost(stored, cost);
    }
}

package io.srecopilot.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long credentials live and how passwords are hashed. */
@ConfigMapping(prefix = "sre.auth")
public interface AuthConfig {

    /** Lifetime of an access token; clients refresh before it ends. */
    @WithDefault("15m")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token (one login, rotated on every use). */
    @WithDefault("14d")
    Duration refreshTokenLifetime();

    /** Lifetime of a one-use WebSocket ticket. */
    @WithDefault("30s")
    Duration wsTicketLifetime();

    Password password();

    RefreshCookie refreshCookie();

    interface Password {

        /** Argon2id memory per hash in KiB (OWASP: 19 MiB); existing hashes keep theirs until re-hashed. */
        @WithDefault("19456")
        int memoryKib();

        /** Argon2id passes over the memory. */
        @WithDefault("2")
        int iterations();

        /** Argon2id lanes. */
        @WithDefault("1")
        int parallelism();
    }

    interface RefreshCookie {

        /** Whether the refresh cookie is Secure; browsers also accept Secure cookies on http://localhost. */
        @WithDefault("true")
        boolean secure();
    }
}

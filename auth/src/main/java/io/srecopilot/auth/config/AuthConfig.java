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

        /** PBKDF2-HMAC-SHA256 rounds for new hashes (OWASP 2023: 600 000); old hashes keep theirs. */
        @WithDefault("600000")
        int iterations();
    }

    interface RefreshCookie {

        /** Whether the refresh cookie is Secure; browsers also accept Secure cookies on http://localhost. */
        @WithDefault("true")
        boolean secure();
    }
}

package io.srecopilot.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How long credentials live and how passwords are hashed. */
@ConfigMapping(prefix = "sre.auth")
public interface AuthConfig {

    /** Lifetime of an access token; clients refresh before it ends. */
    @WithDefault("15m")
    Duration accessTokenLifetime();

    /** Absolute lifetime of a login's refresh tokens: rotation never extends it. */
    @WithDefault("7d")
    Duration refreshTokenLifetime();

    /**
     * How long a used refresh token still gets the successor it was rotated to (two tabs refreshing
     * at once), instead of being taken for a replay that revokes the login; 0 turns it off.
     */
    @WithDefault("10s")
    Duration refreshGrace();

    /** Origins of the pages that may use the session cookie (refresh, logout): the UI's. */
    List<String> cookieOrigins();

    /** Lifetime of a one-use WebSocket ticket. */
    @WithDefault("30s")
    Duration wsTicketLifetime();

    /** Lifetime of a service account's access token. */
    @WithDefault("5m")
    Duration serviceTokenLifetime();

    /**
     * The other services' accounts for service-to-service calls, by client id (the service's name),
     * e.g. {@code sre.auth.service-accounts.ingest.secret}. An account without a secret is disabled.
     */
    Map<String, ServiceAccount> serviceAccounts();

    Signing signing();

    LoginThrottle loginThrottle();

    SignupThrottle signupThrottle();

    Password password();

    RefreshCookie refreshCookie();

    interface ServiceAccount {

        /** The client secret (from a Secret; at least 32 characters). */
        Optional<String> secret();

        /**
         * What the account's tokens may do (platform {@code Scopes}): by default introspect API
         * keys; ai also reads a project's context, in tokens bound to that project.
         */
        @WithDefault("apikeys:introspect")
        List<String> scopes();
    }

    interface Signing {

        /** The current private key (PEM, PKCS#8) access tokens are signed with; its thumbprint is their {@code kid}. */
        @WithDefault("${SRE_JWT_PRIVATE_KEY:/etc/sre-copilot/jwt/private.pem}")
        String privateKey();

        /**
         * Public keys of earlier signing keys, still published in the JWKS after a rotation until the
         * tokens they signed have expired (one access-token lifetime).
         */
        Optional<List<String>> previousPublicKeys();
    }

    /** Brute-force defence (see docs/decisions/010-login-throttling.md). */
    /** Sign-ups and invitation acceptances (anonymous, and each hashes a password). */
    interface SignupThrottle {

        /** Prefix of the Redis keys the counters live in. */
        @WithDefault("sre:auth:signup")
        String keyPrefix();

        /** Calls one client address may make in an hour (a team onboarding from one office included). */
        @WithDefault("20")
        int maxPerAddressPerHour();

        /**
         * Calls all addresses together may make in a minute: what two cores hash in a few seconds,
         * far above real sign-ups, far below a flood.
         */
        @WithDefault("60")
        int maxPerMinute();
    }

    interface LoginThrottle {

        /** Prefix of the Redis keys the counters live in. */
        @WithDefault("sre:auth:login")
        String keyPrefix();

        /** Attempts one IP may fail on one account before each further attempt must wait. */
        @WithDefault("5")
        int freeAttempts();

        /** The first wait; it doubles with every further failure. */
        @WithDefault("1s")
        Duration baseDelay();

        /** The longest wait between two attempts of one IP on one account. */
        @WithDefault("15m")
        Duration maxDelay();

        /** Failed attempts an account may receive in an hour, from all IPs (OWASP ASVS 2.2.1: 100). */
        @WithDefault("100")
        int maxAccountFailuresPerHour();

        /** Failed attempts one IP may make in an hour, on all accounts. */
        @WithDefault("300")
        int maxIpFailuresPerHour();

        /** How long an IP that signed in stays known to the account, and so exempt from its hourly cap. */
        @WithDefault("30d")
        Duration knownIpMemory();
    }

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

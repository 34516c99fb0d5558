package io.srecopilot.incidents.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How notifications are sent and retried, and which targets they may reach. */
@ConfigMapping(prefix = "sre.notifications")
public interface NotificationsConfig {

    /** Whether deliveries are sent by this replica at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often due deliveries are looked for when the last pass found none. */
    @WithDefault("2s")
    Duration pollInterval();

    @WithDefault("20")
    int batchSize();

    /** How long a sender holds a claimed delivery before another replica may take it over. */
    @WithDefault("60s")
    Duration lease();

    /** The wait after the first failed attempt; each further failure doubles it. */
    @WithDefault("5s")
    Duration backoffBase();

    @WithDefault("8")
    int maxAttempts();

    /** Connect plus response time allowed to a webhook. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Loopback targets (127.0.0.0/8, ::1, localhost) are refused unless this is set, e.g. for local receivers. */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * Private networks (10/8, 172.16/12, 192.168/16, fc00::/7 and the like) are refused unless this is
     * set: inside a cluster every pod address is private. Prefer {@link #allowedTargets()}.
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** Host names and address blocks a webhook may reach even when private, e.g. an in-cluster receiver. */
    Optional<List<String>> allowedTargets();

    /** The UI's address, for links from messages to incidents. */
    Optional<String> uiUrl();
}

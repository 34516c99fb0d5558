package io.srecopilot.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The per-tenant request budget of user APIs. */
@ConfigMapping(prefix = "sre.rate-limit")
public interface RateLimitConfig {

    /** Whether user requests are rate limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Requests a tenant may make in a burst. */
    @WithDefault("300")
    int capacity();

    /** Requests per second a tenant's budget refills with. */
    @WithDefault("100")
    int refillPerSecond();

    /** Path prefixes never limited: webhook ingestion answers 503 when overloaded instead. */
    @WithDefault("/api/v1/ingest/")
    List<String> excludedPaths();
}

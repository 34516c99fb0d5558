package io.srecopilot.ingest.poller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the poller looks for due templates, how many it takes, and how it backs off. */
@ConfigMapping(prefix = "sre.poller")
public interface PollerConfig {

    @WithDefault("true")
    boolean enabled();

    /** How often due templates are looked for (the scheduler's {@code every}, see Poller). */
    @WithDefault("2s")
    Duration tick();

    /** Templates one replica claims per tick. */
    @WithDefault("200")
    int batchSize();

    /** Templates run at once per replica. */
    @WithDefault("8")
    int concurrency();

    /** A series' baseline is learned again after this long. */
    @WithDefault("5m")
    Duration baselineRefresh();

    /** The longest wait after repeated failures (the interval doubles per failure up to this). */
    @WithDefault("15m")
    Duration maxBackoff();
}

package io.srecopilot.ai.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How analyses run: how many at once, how long a worker holds one, when one runs again, what they ask ingest for. */
@ConfigMapping(prefix = "sre.analysis")
public interface AnalysisConfig {

    /** Analyses computed at once per replica. */
    @WithDefault("4")
    int concurrency();

    /** How long a worker holds an analysis before another may take it over; longer than any step's timeout. */
    @WithDefault("2m")
    Duration lease();

    /** An analysis that ran sooner than this after its incident began runs once more then. */
    @WithDefault("5m")
    Duration settle();

    /** How often every replica looks for analyses nobody is running (the scheduler's {@code every}). */
    @WithDefault("5s")
    String sweep();

    Context context();

    /** The range around an incident's start that ingest is asked about, and how long it is waited for. */
    interface Context {

        @WithDefault("90m")
        Duration before();

        @WithDefault("30m")
        Duration after();

        @WithDefault("5s")
        Duration timeout();
    }
}

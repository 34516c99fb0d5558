package io.srecopilot.ingest.integration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which Prometheus servers may be reached, and how long they get to answer. */
@ConfigMapping(prefix = "sre.integrations")
public interface IntegrationsConfig {

    /** Loopback (127.0.0.0/8, ::1, localhost) is refused unless set: it would reach this platform's own services. */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * Every private network: refused unless set, since inside a cluster it reaches every pod. Name the
     * in-cluster Prometheus in {@link #allowedTargets()} instead.
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** Host names and address blocks integrations may reach even when private (the cluster's Prometheus). */
    Optional<List<String>> allowedTargets();

    /** Link-local addresses and cloud metadata endpoints: refused unless set. */
    @WithDefault("false")
    boolean allowLinkLocal();

    /** Connect plus answer time allowed to a Prometheus request. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Answers above this size are refused rather than buffered. */
    @WithDefault("16M")
    MemorySize maxResponseSize();
}

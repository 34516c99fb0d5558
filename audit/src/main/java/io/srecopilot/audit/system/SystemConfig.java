package io.srecopilot.audit.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where each service of SRE Copilot answers its health, and how long a probe may take. */
@ConfigMapping(prefix = "sre.system")
public interface SystemConfig {

    /** Service name → base URL (its {@code /q/health/ready} is asked). */
    Map<String, String> services();

    /** A service that has not answered by then is reported unreachable. */
    @WithDefault("2s")
    Duration timeout();

    /** Answers are reused this long, so many open System pages do not multiply the probes. */
    @WithDefault("5s")
    Duration reuseFor();
}

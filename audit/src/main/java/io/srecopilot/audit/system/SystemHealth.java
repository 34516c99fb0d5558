package io.srecopilot.audit.system;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * The whole of SRE Copilot at one moment: {@code UP} when every service is ready, {@code DEGRADED}
 * when some are, {@code DOWN} when none is; each service, and each consumer group's lag on the event
 * stream ({@code pipelineError} says why the lag is unknown, e.g. Redis down).
 */
@RegisterForReflection
public record SystemHealth(String status, Instant checkedAt, List<ServiceHealth> services,
        List<ConsumerGroupLag> pipeline, String pipelineError) {

    public static String overall(List<ServiceHealth> services) {
        long up = services.stream().filter(ServiceHealth::up).count();
        return up == services.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
    }
}

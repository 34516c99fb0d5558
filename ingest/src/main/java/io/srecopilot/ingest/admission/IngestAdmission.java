package io.srecopilot.ingest.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the ingest requests being worked on at once. Past the bound a sender is told 503 with
 * Retry-After rather than queued: Alertmanager retries a 503, while a queue that grows without
 * bound would only turn overload into timeouts and memory pressure.
 */
@ApplicationScoped
public class IngestAdmission {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final Counter refused;

    public IngestAdmission(@ConfigProperty(name = "sre.ingest.max-in-flight", defaultValue = "256") int limit,
            MeterRegistry registry) {
        this.limit = limit;
        Gauge.builder("sre.ingest.in_flight", inFlight, AtomicInteger::get)
                .description("Ingest requests being worked on").register(registry);
        this.refused = Counter.builder("sre.ingest.refused").tag("reason", "overloaded")
                .description("Ingest requests answered 503 because too many were in flight").register(registry);
    }

    /** Takes a place for one request; false when every place is taken. */
    public boolean tryAdmit() {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refused.increment();
            return false;
        }
        return true;
    }

    public void release() {
        inFlight.decrementAndGet();
    }
}

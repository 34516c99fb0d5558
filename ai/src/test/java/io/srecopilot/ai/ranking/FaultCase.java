package io.srecopilot.ai.ranking;

import java.time.Instant;
import java.util.List;

/** One injected fault: where and what it was, and what the metrics and change log showed. */
record FaultCase(String rootCause, FaultKind kind, Instant incidentStart, List<String> services,
        List<MetricSeries> series, List<ServiceChange> changes) {

    enum FaultKind { CPU, MEMORY, LATENCY, ERRORS, BAD_DEPLOY }
}

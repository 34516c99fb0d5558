package io.srecopilot.ai.ranking;

import java.time.Instant;
import java.util.List;

/** One injected fault: where and what it was, and what the metrics, the change log and the call graph showed. */
record FaultCase(String rootCause, FaultKind kind, Instant incidentStart, List<String> services,
        List<MetricSeries> series, List<ServiceChange> changes, CallGraph graph) {

    enum FaultKind { CPU, MEMORY, LATENCY, ERRORS, EARLY_RETURN, BAD_DEPLOY }
}

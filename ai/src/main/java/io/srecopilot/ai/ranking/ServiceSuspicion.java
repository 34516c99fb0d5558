package io.srecopilot.ai.ranking;

import java.time.Instant;

/**
 * How strongly the metrics point at one service as the cause, and why: its most anomalous
 * series and how strong that is, when its anomaly began relative to the first one seen, and a
 * change of the service shortly before. {@code score} orders services; it is not a probability.
 */
public record ServiceSuspicion(String service, double score, double strength, String metric, Instant onset,
        long lagSeconds, ServiceChange change) {

    public boolean anomalous() {
        return onset != null;
    }
}

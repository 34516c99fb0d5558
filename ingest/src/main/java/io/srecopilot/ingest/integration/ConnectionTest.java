package io.srecopilot.ingest.integration;

import java.time.Instant;

/** The result of "test connection": whether Prometheus answered a query, how fast, and its version. */
public record ConnectionTest(boolean ok, long latencyMs, String version, String error, Instant testedAt) {
}

package io.srecopilot.ai.ranking;

import java.time.Instant;

/** A deploy or configuration change of a service, as ingest records it. */
public record ServiceChange(String service, Instant at, String description) {
}

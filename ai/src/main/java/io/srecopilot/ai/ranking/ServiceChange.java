package io.srecopilot.ai.ranking;

import java.time.Instant;

/** A deploy or configuration change of a service, as ingest records it ({@code id} is ingest's, if known). */
public record ServiceChange(String id, String service, Instant at, String description) {

    public ServiceChange(String service, Instant at, String description) {
        this(null, service, at, description);
    }
}

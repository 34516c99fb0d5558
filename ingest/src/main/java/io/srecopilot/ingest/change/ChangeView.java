package io.srecopilot.ingest.change;

import java.time.Instant;
import java.util.UUID;

/** A change as the API and the {@code change.recorded} event show it. */
public record ChangeView(UUID id, String type, String service, String environment, String version, String commit,
        String author, String description, String url, Instant deployedAt, Instant recordedAt) {

    public static ChangeView of(Change change) {
        return new ChangeView(change.id, change.type, change.service, change.environment, change.version,
                change.commitSha, change.author, change.description, change.url, change.deployedAt,
                change.recordedAt);
    }
}

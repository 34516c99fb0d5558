package io.srecopilot.ingest.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * PagerDuty's answer to an accepted event ({@code status}, {@code message}, {@code dedup_key}),
 * plus the alert group the event landed in, when it landed in one.
 */
public record EventReceipt(String status, String message, @JsonProperty("dedup_key") String dedupKey,
        UUID alertGroupId) {

    static EventReceipt processed(String dedupKey, UUID alertGroupId) {
        return new EventReceipt("success", "Event processed", dedupKey, alertGroupId);
    }
}

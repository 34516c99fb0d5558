package io.srecopilot.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.srecopilot.platform.events.catalog.EventTypes;

/**
 * Whether an audited action succeeded: failures are the event types that say so, and the request
 * records ({@code http.request}) that were refused or failed.
 */
final class Outcome {

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private Outcome() {
    }

    static String of(String eventType) {
        return eventType.endsWith("_failed") || eventType.endsWith(".failed") ? FAILURE : SUCCESS;
    }

    static String of(String eventType, JsonNode data) {
        if (EventTypes.HTTP_REQUEST.equals(eventType)) {
            return "succeeded".equals(data.path("outcome").asText()) ? SUCCESS : FAILURE;
        }
        return of(eventType);
    }
}

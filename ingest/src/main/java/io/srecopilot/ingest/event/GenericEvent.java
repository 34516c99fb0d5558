package io.srecopilot.ingest.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An event in the shape and with the semantics of PagerDuty's Events API v2, so tools that speak
 * it can send here unchanged. {@code routing_key} is accepted and ignored: the API key in the
 * Authorization header says which project the event is for.
 */
public record GenericEvent(
        @JsonProperty("routing_key") @Size(max = 64) String routingKey,
        @JsonProperty("event_action") @NotNull @Pattern(regexp = "trigger|acknowledge|resolve",
                message = "must be trigger, acknowledge or resolve") String eventAction,
        @JsonProperty("dedup_key") @Size(max = 255) String dedupKey,
        @Valid EventPayload payload,
        @Size(max = 255) String client,
        @JsonProperty("client_url") @Size(max = 2_048) String clientUrl) {

    public static final String TRIGGER = "trigger";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String RESOLVE = "resolve";
}

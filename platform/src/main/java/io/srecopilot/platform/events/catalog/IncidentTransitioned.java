package io.srecopilot.platform.events.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * {@code incident.transitioned}, from incidents to ai (precedents, shadow policies) and
 * notifications: the move, by state name, and the postmortem that made the incident LEARNED
 * (null for every other move).
 */
@RegisterForReflection
public record IncidentTransitioned(IncidentSummary incident, String from, String to, String reason,
        Postmortem postmortem) {

    public static final String LEARNED = "LEARNED";

    public boolean learned() {
        return LEARNED.equals(to) && postmortem != null;
    }

    @RegisterForReflection
    public record Postmortem(String summary, String rootCause, ConfirmedHypothesis confirmedHypothesis) {
    }

    /** The hypothesis of ai's analysis that the postmortem says was right. */
    @RegisterForReflection
    public record ConfirmedHypothesis(UUID id, String claim) {
    }
}

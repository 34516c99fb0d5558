package io.srecopilot.ai.precedent;

import java.util.UUID;

/** A precedent that resembles a new incident, how closely (0..1), and what was learned from it. */
public record PrecedentMatch(UUID incidentId, String reference, String title, String service, String rootCause,
        Long mttrSeconds, double similarity) {
}

package io.srecopilot.incidents.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.srecopilot.incidents.IncidentSignal;
import java.util.List;
import java.util.UUID;

/**
 * An alert group joining an incident, with its alerts and why it joins ({@code {rule, keys,
 * window}}); {@link #NONE} for incidents people declare.
 */
public record AlertAttachment(UUID alertGroupId, String service, JsonNode reason, List<IncidentSignal> signals) {

    public static final AlertAttachment NONE = new AlertAttachment(null, null, null, List.of());

    public boolean isNone() {
        return alertGroupId == null;
    }
}

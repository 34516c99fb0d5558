package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.srecopilot.platform.events.catalog.EventTypes;

/**
 * The words of a notification, shared by Slack and e-mail: a headline naming the incident and
 * what happened, and detail lines.
 */
final class NotificationText {

    private NotificationText() {
    }

    /** "INC-3 critical · checkout: Checkout down — acknowledged" */
    static String headline(JsonNode payload) {
        if (NotificationDelivery.TEST_EVENT.equals(payload.path("eventType").asText())) {
            return "Test notification from SRE Copilot";
        }
        JsonNode incident = payload.path("incident");
        String service = incident.path("service").isTextual() ? " · " + incident.path("service").asText() : "";
        String headline = incident.path("reference").asText() + " " + incident.path("severity").asText() + service
                + ": " + incident.path("title").asText() + " — " + what(payload);
        return headline.replaceAll("\\R", " "); // a subject line stays one line
    }

    static String details(JsonNode payload, String incidentUrl) {
        if (NotificationDelivery.TEST_EVENT.equals(payload.path("eventType").asText())) {
            return "This channel is set up correctly. " + payload.path("message").asText("");
        }
        StringBuilder text = new StringBuilder();
        JsonNode incident = payload.path("incident");
        text.append("State: ").append(incident.path("state").asText()).append('\n');
        if (payload.path("reason").isTextual()) {
            text.append("Why: ").append(payload.path("reason").asText()).append('\n');
        }
        if (payload.path("comment").path("body").isTextual()) {
            text.append("Comment: ").append(payload.path("comment").path("body").asText()).append('\n');
        }
        if (incidentUrl != null) {
            text.append("Open: ").append(incidentUrl).append('\n');
        }
        return text.toString();
    }

    private static String what(JsonNode payload) {
        return switch (payload.path("eventType").asText()) {
            case EventTypes.INCIDENT_CREATED -> "opened";
            case EventTypes.INCIDENT_TRANSITIONED -> payload.path("from").asText() + " → " + payload.path("to").asText();
            case EventTypes.INCIDENT_COMMENTED -> "new comment";
            case EventTypes.POLICY_DECIDED -> "policy " + payload.path("policyName").asText() + " asks for attention";
            default -> "updated";
        };
    }
}

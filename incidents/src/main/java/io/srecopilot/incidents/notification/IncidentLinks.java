package io.srecopilot.incidents.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Links from messages to incidents in the UI, when the UI's address is configured. */
@ApplicationScoped
public class IncidentLinks {

    private final NotificationsConfig config;

    public IncidentLinks(NotificationsConfig config) {
        this.config = config;
    }

    /** @return the incident's page, or null without a UI address or an incident */
    public String of(UUID incidentId) {
        if (incidentId == null || config.uiUrl().isEmpty()) {
            return null;
        }
        String base = config.uiUrl().get();
        return (base.endsWith("/") ? base : base + "/") + "incidents/" + incidentId;
    }
}

package io.srecopilot.platform.events.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * Which payload record each event type that crosses from one service to another carries. Types
 * not listed here (the audit trail's {@code member.*}, {@code project.*}…) carry free-form data
 * that only the audit log and the live view show.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends Record>> PAYLOADS = Map.ofEntries(
            Map.entry(EventTypes.ALERT_GROUP_OPENED, AlertGroupChanged.class),
            Map.entry(EventTypes.ALERT_GROUP_UPDATED, AlertGroupChanged.class),
            Map.entry(EventTypes.ALERT_GROUP_RESOLVED, AlertGroupChanged.class),
            Map.entry(EventTypes.INCIDENT_CREATED, IncidentCreated.class),
            Map.entry(EventTypes.INCIDENT_UPDATED, IncidentUpdated.class),
            Map.entry(EventTypes.INCIDENT_TRANSITIONED, IncidentTransitioned.class),
            Map.entry(EventTypes.ANALYSIS_STARTED, AnalysisStarted.class),
            Map.entry(EventTypes.ANALYSIS_COMPLETED, AnalysisFinished.class),
            Map.entry(EventTypes.ANALYSIS_FAILED, AnalysisFinished.class),
            Map.entry(EventTypes.POLICY_DECIDED, PolicyDecided.class));

    private EventCatalog() {
    }

    /** The payload record of {@code type}, when it is one that crosses between services. */
    public static Optional<Class<? extends Record>> payloadOf(String type) {
        return Optional.ofNullable(PAYLOADS.get(type));
    }

    public static Map<String, Class<? extends Record>> payloads() {
        return PAYLOADS;
    }
}

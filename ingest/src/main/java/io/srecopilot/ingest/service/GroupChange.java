package io.srecopilot.ingest.service;

import io.srecopilot.platform.events.catalog.EventTypes;
import java.util.List;

/**
 * What a notification changed about its alert group, and so which event it causes, if any. A
 * notification that changed nothing (a redelivery, the other Alertmanager of an HA pair) causes none.
 */
public enum GroupChange {
    OPENED(EventTypes.ALERT_GROUP_OPENED),
    UPDATED(EventTypes.ALERT_GROUP_UPDATED),
    RESOLVED(EventTypes.ALERT_GROUP_RESOLVED),
    NONE(null);

    private final String eventType;

    GroupChange(String eventType) {
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }

    /** {@code firing}: whether the group fires after the notification, which its members decide. */
    static GroupChange of(AlertGroupStore.GroupRow group, boolean firing, List<SignalStore.StoredSignal> changed) {
        if (group.created()) {
            // A group first seen already resolved needs nobody's attention.
            return firing ? OPENED : NONE;
        }
        boolean wasFiring = "firing".equals(group.status());
        if (wasFiring && !firing) {
            return RESOLVED;
        }
        if (!wasFiring && firing) {
            return UPDATED;
        }
        return changed.isEmpty() ? NONE : UPDATED;
    }
}

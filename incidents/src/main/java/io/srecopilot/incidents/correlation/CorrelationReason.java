package io.srecopilot.incidents.correlation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.srecopilot.platform.domain.TimeWindow;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import java.time.Duration;

/**
 * Why an alert group joined an incident, kept with the link and on the timeline:
 * {@code {rule, keys, window: {value, unit}}}.
 */
final class CorrelationReason {

    /** The group opened an incident of its own: nothing open matched it. */
    static final String NEW_ALERT_GROUP = "new-alert-group";
    /** The group joined an open incident of the same service that had alerts within the window. */
    static final String SAME_SERVICE_WITHIN_WINDOW = "same-service-within-window";
    /** The group fired again after its incident was resolved longer ago than the window. */
    static final String REFIRED_AFTER_WINDOW = "refired-after-window";

    private CorrelationReason() {
    }

    static ObjectNode of(String rule, AlertGroupChanged group, String service, Duration window) {
        ObjectNode reason = JsonNodeFactory.instance.objectNode().put("rule", rule);
        ObjectNode keys = reason.putObject("keys");
        if (service != null) {
            keys.put("service", service);
        }
        keys.put("groupKey", group.groupKey());
        TimeWindow inUnits = TimeWindow.of(window);
        reason.putObject("window").put("value", inUnits.value()).put("unit", inUnits.unit());
        return reason;
    }

    /** "15 minutes", for timeline messages. */
    static String describe(Duration window) {
        return TimeWindow.of(window).describe();
    }
}

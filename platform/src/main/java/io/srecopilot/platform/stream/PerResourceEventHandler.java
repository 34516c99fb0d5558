package io.srecopilot.platform.stream;

import io.srecopilot.platform.events.EventEnvelope;

/**
 * A handler whose events need order only per resource they are about (an incident, say): one
 * incident's events one after another, different incidents at once, however busy the project.
 */
public interface PerResourceEventHandler extends EventHandler {

    @Override
    default String orderingKey(EventEnvelope event) {
        return EventHandler.resourceKey(event);
    }
}

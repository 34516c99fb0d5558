package io.srecopilot.platform.stream;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;

/**
 * A service's reaction to events from the stream. Declare it as a bean; platform runs the
 * service's consumer group and calls every handler that accepts an event, inside one transaction
 * that also records the event id, so an event is handled once however often it is delivered.
 */
public interface EventHandler {

    boolean accepts(String eventType);

    /** Runs inside the consumer's transaction; fail the Uni to have the event retried. */
    Uni<Void> handle(EventEnvelope event);
}

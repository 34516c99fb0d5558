package io.srecopilot.platform.stream;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;
import java.util.List;

/**
 * A handler that takes many events in one transaction, for a service whose every event is a small
 * write (audit records thousands a second; a transaction per event would cap it at a few hundred).
 * When every handler of a service is one, its consumer hands over each read's events at once; a
 * batch that fails is retried one event at a time, so one bad event does not hold back the rest.
 */
public interface BatchEventHandler extends EventHandler {

    /** Runs inside the consumer's transaction with events not handled before, in stream order. */
    Uni<Void> handleAll(List<EventEnvelope> events);

    @Override
    default Uni<Void> handle(EventEnvelope event) {
        return handleAll(List.of(event));
    }
}

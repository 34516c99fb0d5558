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

    /**
     * Runs once the transaction in which {@link #handle} ran has committed, for work that must not
     * hold it (calls to other services, long computations). It is not retried: work that must
     * happen has to be recorded by {@link #handle} and recovered from that record. Failures are
     * logged and otherwise ignored; the event is acknowledged either way.
     */
    default Uni<Void> afterCommit(EventEnvelope event) {
        return Uni.createFrom().voidItem();
    }
}

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

    /**
     * Events of one key are handled in stream order, one after another; events of different keys
     * may be handled at the same time (in separate transactions). By default a project's events
     * keep their order; a handler whose events only need order per incident or per service says so,
     * so that one busy project is handled in parallel. Handlers must still be correct when another
     * replica handles another key at the same moment (row locks, versions).
     */
    default String orderingKey(EventEnvelope event) {
        return projectKey(event);
    }

    /** The key of the event's project: its events one after another. */
    static String projectKey(EventEnvelope event) {
        return event.tenantId() + "/" + event.projectId();
    }

    /** The key of the resource the event is about (an incident, say): its events one after another. */
    static String resourceKey(EventEnvelope event) {
        return event.resource() == null ? projectKey(event)
                : projectKey(event) + "/" + event.resource().type() + ":" + event.resource().id();
    }

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

package io.srecopilot.platform.stream;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.vertx.SafeContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/** Hands one event to the handlers that accept it: one transaction, de-duplicated by event id. */
@ApplicationScoped
public class EventDispatcher {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EventDispatcher.class);

    private final List<EventHandler> handlers;
    private final ProcessedEvents processed;
    private final SafeContext safeContext;

    public EventDispatcher(@Any Instance<EventHandler> handlers, ProcessedEvents processed, SafeContext safeContext) {
        this.handlers = handlers.stream().toList();
        this.processed = processed;
        this.safeContext = safeContext;
    }

    public boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    public boolean wants(String eventType) {
        return handlers.stream().anyMatch(handler -> handler.accepts(eventType));
    }

    /**
     * The key under which the event keeps its order: the one its handlers agree on, or its
     * project's when they name different ones (then it is ordered only with the project's other
     * events keyed so; give handlers of one type the same key).
     */
    public String orderingKey(EventEnvelope event) {
        List<String> keys = handlers.stream().filter(handler -> handler.accepts(event.type()))
                .map(handler -> handler.orderingKey(event)).distinct().toList();
        return keys.size() == 1 ? keys.get(0) : EventHandler.projectKey(event);
    }

    /** Whether every handler takes batches, so a whole read may go in one transaction. */
    public boolean batches() {
        return hasHandlers() && handlers.stream().allMatch(BatchEventHandler.class::isInstance);
    }

    /**
     * Hands many events (all wanted, see {@link #wants}) to batch handlers in one transaction;
     * emits those that were new, the others having been handled before.
     */
    public Uni<List<EventEnvelope>> dispatchAll(List<EventEnvelope> events) {
        return safeContext.run(() -> Panache.withTransaction(() -> processed.recordFirstDeliveries(events)
                .call(fresh -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (EventHandler handler : handlers) {
                        List<EventEnvelope> accepted = fresh.stream().filter(event -> handler.accepts(event.type())).toList();
                        if (!accepted.isEmpty()) {
                            all = all.call(() -> ((BatchEventHandler) handler).handleAll(accepted));
                        }
                    }
                    return all;
                })))
                .call(fresh -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (EventEnvelope event : fresh) {
                        all = all.call(() -> afterCommit(handlers.stream()
                                .filter(handler -> handler.accepts(event.type())).toList(), event));
                    }
                    return all;
                });
    }

    /**
     * Emits true when the handlers ran, false when the event had been handled before. Their
     * {@link EventHandler#afterCommit} work runs once the transaction committed.
     */
    public Uni<Boolean> dispatch(EventEnvelope event) {
        List<EventHandler> interested = handlers.stream().filter(handler -> handler.accepts(event.type())).toList();
        return safeContext.run(() -> Panache.withTransaction(() -> processed.recordFirstDelivery(event)
                .call(first -> first ? runAll(interested, event) : Uni.createFrom().voidItem())))
                .call(first -> first ? afterCommit(interested, event) : Uni.createFrom().voidItem());
    }

    private static Uni<Void> afterCommit(List<EventHandler> interested, EventEnvelope event) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (EventHandler handler : interested) {
            all = all.call(() -> handler.afterCommit(event).onFailure().recoverWithItem(failure -> {
                LOG.warnf("Work after event %s (%s) committed failed: %s", event.id(), event.type(), failure.toString());
                return null;
            }));
        }
        return all;
    }

    private static Uni<Void> runAll(List<EventHandler> interested, EventEnvelope event) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (EventHandler handler : interested) {
            all = all.call(() -> handler.handle(event));
        }
        return all;
    }
}

package io.srecopilot.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.srecopilot.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Writes messages to connections and counts what happened: sent, dropped (slow or closed
 * connections), and how long after the event occurred it was handed to the socket.
 */
@ApplicationScoped
public class LiveSender {

    private static final Logger LOG = Logger.getLogger(LiveSender.class);

    private final ObjectMapper mapper;
    private final Counter sent;
    private final Counter dropped;
    private final Timer eventToSend;

    public LiveSender(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.sent = Counter.builder("sre.realtime.messages.sent").description("Live messages sent to browsers")
                .register(registry);
        this.dropped = Counter.builder("sre.realtime.messages.dropped")
                .description("Live messages not sent: the connection was too slow or closing").register(registry);
        this.eventToSend = Timer.builder("sre.realtime.event.to.send")
                .description("From an event's occurrence to its last message being written to a browser's socket")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * Sends the event to every connection. Latency is recorded once per event, when the last of its
     * messages was written (or dropped): a per-message record costs more than the write itself
     * when an event goes to a hundred browsers.
     */
    void event(EventEnvelope event, Collection<LiveConnection> live) {
        List<LiveConnection> connections = List.copyOf(live); // connections come and go meanwhile
        String message = text(LiveMessage.of(event));
        if (message == null || connections.isEmpty()) {
            return;
        }
        Instant occurred = event.occurredAt();
        AtomicInteger outstanding = new AtomicInteger(connections.size());
        Runnable settled = () -> {
            if (outstanding.decrementAndGet() == 0) {
                eventToSend.record(Duration.between(occurred, Instant.now()));
            }
        };
        Runnable onSent = () -> {
            sent.increment();
            settled.run();
        };
        Runnable onDropped = () -> {
            dropped.increment();
            settled.run();
        };
        connections.forEach(connection -> connection.sendLive(event.id(), message, onSent, onDropped));
    }

    /** What a reconnecting client missed, in stream order, ahead of the live events held meanwhile. */
    void replay(List<EventEnvelope> missed, LiveConnection connection) {
        for (EventEnvelope event : missed) {
            String message = text(LiveMessage.of(event));
            if (message != null) {
                connection.send(message, sent::increment, dropped::increment);
            }
        }
    }

    void control(LiveConnection connection, LiveMessage message) {
        String text = text(message);
        if (text != null) {
            connection.send(text, sent::increment, dropped::increment);
        }
    }

    private String text(LiveMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            LOG.warnf("Message %s cannot be sent live: %s", message.id(), e.getMessage());
            return null;
        }
    }
}

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
                .description("From an event's occurrence to its message being handed to a browser's socket")
                .publishPercentileHistogram().register(registry);
    }

    void event(EventEnvelope event, Collection<LiveConnection> connections) {
        String message = text(LiveMessage.of(event));
        if (message == null) {
            return;
        }
        Instant occurred = event.occurredAt();
        for (LiveConnection connection : connections) {
            connection.send(message, () -> {
                sent.increment();
                eventToSend.record(Duration.between(occurred, Instant.now()));
            }, dropped::increment);
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

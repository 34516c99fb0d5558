package io.srecopilot.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** JSON form of envelopes and their payloads, with the application's configured ObjectMapper. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + envelope.id() + " cannot be written as JSON", e);
        }
    }

    /**
     * The envelope with {@code payload} as its data, written straight from the object. The same
     * JSON as {@code encode} with {@link #toData}, without building the tree first: on ingest's
     * write path that tree cost a tenth of the service's CPU. The envelope's own data is ignored.
     */
    public String encode(EventEnvelope envelope, Object payload) {
        return encode(new EventEnvelope(envelope.id(), envelope.type(), envelope.tenantId(), envelope.projectId(),
                envelope.occurredAt(), envelope.actor(), envelope.resource(), mapper.getNodeFactory().pojoNode(payload)));
    }

    /** @throws MalformedEventException when the text is not an envelope */
    public EventEnvelope decode(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException("Not an event envelope: " + e.getMessage(), e);
        }
    }

    /** A payload (record, map) as the tree stored in {@link EventEnvelope#data()}. */
    public JsonNode toData(Object payload) {
        return mapper.valueToTree(payload);
    }

    public <T> T fromData(JsonNode data, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event data is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}

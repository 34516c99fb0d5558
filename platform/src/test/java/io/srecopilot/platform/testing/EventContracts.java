package io.srecopilot.platform.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventCatalog;
import java.util.List;

/**
 * The producer's side of an event contract: what a service really published must read into the
 * catalogue's payload record strictly — every field the record names present (null allowed), of the
 * right type. Fields the record does not name are allowed: a producer may write a superset (its
 * API view). Consumers read leniently, so this is where a renamed or dropped field is caught.
 */
public final class EventContracts {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventContracts() {
    }

    /** The event's data read strictly as its catalogue payload; fails the test when it does not honour it. */
    public static <T> T honoured(EventEnvelope event, Class<T> payload) {
        Class<?> declared = EventCatalog.payloadOf(event.type())
                .orElseThrow(() -> new AssertionError(event.type() + " has no payload in the event catalogue"));
        if (!declared.equals(payload)) {
            fail(event.type() + " carries " + declared.getSimpleName() + ", not " + payload.getSimpleName());
        }
        return read(event.type(), event.data(), payload);
    }

    /** Checks every event in {@code events} whose type the catalogue gives a payload; at least one must be. */
    public static void allHonoured(List<EventEnvelope> events) {
        List<EventEnvelope> typed = events.stream().filter(event -> EventCatalog.payloadOf(event.type()).isPresent())
                .toList();
        assertFalse(typed.isEmpty(), "no event with a catalogued payload among " + events.size());
        typed.forEach(event -> read(event.type(), event.data(), EventCatalog.payloadOf(event.type()).get()));
    }

    /** The strict reading, for tests of this check itself. */
    public static <T> T read(String type, JsonNode data, Class<T> payload) {
        try {
            return STRICT.treeToValue(data, payload);
        } catch (Exception e) {
            throw new AssertionError(type + " does not honour its contract " + payload.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }
}

package io.srecopilot.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    record Member(UUID id, String status, Instant startsAt, Instant endsAt, Map<String, String> labels) {
    }

    record Payload(UUID groupId, String groupKey, int truncated, List<Member> members) {
    }

    @Test
    void aPayloadWrittenStraightIntoTheEnvelopeIsTheJsonOfItsTree() {
        Payload payload = new Payload(UUID.randomUUID(), "{}:{alertname=\"HighLatency\"}", 0,
                List.of(new Member(UUID.randomUUID(), "firing", Instant.parse("2026-11-30T06:00:00.123Z"), null,
                        Map.of("alertname", "HighLatency", "service", "checkout \"eu\" ü"))));
        EventEnvelope header = EventEnvelope.create("alertgroup.opened", UUID.randomUUID(), UUID.randomUUID(),
                Actor.system("test"), new ResourceRef("alertgroup", payload.groupId().toString()), null);

        String straight = codec.encode(header, payload);
        String viaTree = codec.encode(new EventEnvelope(header.id(), header.type(), header.tenantId(),
                header.projectId(), header.occurredAt(), header.actor(), header.resource(), codec.toData(payload)));

        assertEquals(viaTree, straight);
        assertEquals(codec.toData(payload), codec.decode(straight).data());
    }
}

package io.srecopilot.realtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.security.WsTicket;
import io.srecopilot.platform.testing.ServiceContractTest;
import io.srecopilot.platform.testing.TestCaller;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RealtimeServiceTest extends ServiceContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    RealtimeServiceTest() {
        super(null);
    }

    @TestHTTPResource("/")
    URI base;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    EventsConfig config;
    @Inject
    EventCodec codec;
    @Inject
    ObjectMapper mapper;

    @Test
    void refusesHandshakesWithoutAValidTicket() {
        for (String path : List.of("/ws", "/ws?ticket=", "/ws?ticket=made-up")) {
            Exception refused = assertThrows(Exception.class, () -> BasicWebSocketConnector.create().baseUri(base)
                    .path(path).connectAndAwait());
            assertTrue(String.valueOf(refused.getMessage()).contains("401"), refused.toString());
        }
    }

    @Test
    void aTicketOpensOneConnectionOnly() {
        String ticket = ticket(TestCaller.newTenant(Role.VIEWER));
        WebSocketClientConnection first = connect(ticket, new CopyOnWriteArrayList<>());
        try {
            assertThrows(Exception.class, () -> connect(ticket, new CopyOnWriteArrayList<>()));
        } finally {
            first.closeAndAwait();
        }
    }

    @Test
    void membersReceiveTheirProjectsEventsAndNobodyElseDoes() throws Exception {
        TestCaller member = TestCaller.newTenant(Role.VIEWER);
        List<String> mine = new CopyOnWriteArrayList<>();
        List<String> otherTenants = new CopyOnWriteArrayList<>();
        List<String> otherProjects = new CopyOnWriteArrayList<>();
        List<WebSocketClientConnection> open = List.of(connect(ticket(member), mine),
                connect(ticket(TestCaller.newTenant(Role.OWNER)), otherTenants),
                connect(ticket(member.inAnotherProject()), otherProjects));
        try {
            publish(member, "apikey.created", Map.of("keyHash", "secret-hash"));
            EventEnvelope created = publish(member, "incident.created", Map.of("incident", Map.of("title", "API down")));

            await().atMost(WAIT).until(() -> !mine.isEmpty());
            JsonNode message = mapper.readTree(mine.get(0));
            assertEquals(created.id().toString(), message.get("id").asText());
            assertEquals("incident.created", message.get("type").asText());
            assertEquals("incident", message.get("resource").get("type").asText());
            assertEquals("API down", message.get("data").get("incident").get("title").asText());
            assertTrue(message.has("occurredAt"));

            publish(member, "incident.updated", Map.of());
            await().atMost(WAIT).until(() -> mine.size() == 2);
            assertTrue(otherTenants.isEmpty() && otherProjects.isEmpty(), "no other tenant or project hears it");
            assertTrue(mine.stream().noneMatch(text -> text.contains("secret-hash")), "key events stay server-side");
        } finally {
            open.forEach(WebSocketClientConnection::closeAndAwait);
        }
    }

    private EventEnvelope publish(TestCaller caller, String type, Map<String, Object> data) {
        EventEnvelope event = EventEnvelope.create(type, caller.tenantId(), caller.projectId(), Actor.system("test"),
                new ResourceRef("incident", UUID.randomUUID().toString()), mapper.valueToTree(data));
        redis.pubsub(String.class).publish(config.realtimeChannel(caller.tenantId(), caller.projectId()),
                codec.encode(event)).await().atMost(WAIT);
        return event;
    }

    private WebSocketClientConnection connect(String ticket, List<String> received) {
        return BasicWebSocketConnector.create().baseUri(base)
                // On the event loop, one message after another: worker threads could reorder them.
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).path("/ws?ticket=" + ticket)
                .onTextMessage((connection, text) -> received.add(text)).connectAndAwait();
    }

    private String ticket(TestCaller caller) {
        return Tickets.issue(redis, mapper, new WsTicket(caller.tenantId(), caller.projectId(), caller.userId().toString(),
                caller.role()));
    }
}

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
import io.restassured.RestAssured;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.EventsConfig;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.security.WsTicket;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Origins, replay after a reconnect, resync beyond the window, switching project with a ticket,
 * a client that stops reading being closed instead of buffered, and a user's connections closed
 * when they sign out or their membership changes.
 */
@QuarkusTest
class ReconnectAndSwitchTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

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

    private final UUID tenant = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();
    private final String user = UUID.randomUUID().toString();

    @Test
    void aPageOfAnotherSiteCannotOpenTheChannelTheUisOriginCan() {
        assertThrows(Exception.class, () -> BasicWebSocketConnector.create().baseUri(base)
                .path("/ws?ticket=" + ticket(project)).addHeader("Origin", "https://evil.example").connectAndAwait());
        WebSocketClientConnection allowed = BasicWebSocketConnector.create().baseUri(base)
                .path("/ws?ticket=" + ticket(project)).addHeader("Origin", "http://127.0.0.1:5173").connectAndAwait();
        allowed.closeAndAwait();
    }

    @Test
    void aRefusedHandshakeLeavesARecordForTheAuditTrail() {
        String agent = "probe/" + UUID.randomUUID();
        assertThrows(Exception.class, () -> BasicWebSocketConnector.create().baseUri(base).path("/ws?ticket=made-up")
                .addHeader("User-Agent", agent).connectAndAwait());

        await().atMost(WAIT).until(() -> TestStream.published("null", "http.request").stream()
                .anyMatch(record -> agent.equals(record.data().path("userAgent").asText())
                        && record.data().path("status").asInt() == 401
                        && "/ws".equals(record.data().path("path").asText())
                        && "refused".equals(record.data().path("outcome").asText())));
    }

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderAndNothingOfOthers() throws Exception {
        EventEnvelope seen = stream(project, "incident.created");
        EventEnvelope missedFirst = stream(project, "incident.updated");
        stream(UUID.randomUUID(), "incident.created");
        EventEnvelope missedSecond = stream(project, "analysis.completed");
        List<String> received = new CopyOnWriteArrayList<>();

        WebSocketClientConnection connection = connect(ticket(project), "&lastEventId=" + seen.id(), received);
        try {
            await().atMost(WAIT).until(() -> received.size() == 2);
            assertEquals(List.of(missedFirst.id().toString(), missedSecond.id().toString()),
                    received.stream().map(this::read).map(message -> message.get("id").asText()).toList());
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void anEventNoLongerKnownMeansResync() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketClientConnection connection = connect(ticket(project), "&lastEventId=" + UUID.randomUUID(), received);
        try {
            await().atMost(WAIT).until(() -> !received.isEmpty());
            assertEquals("resync", read(received.get(0)).get("type").asText());
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void aClientSwitchesProjectOnlyWithATicketForItself() throws Exception {
        UUID other = UUID.randomUUID();
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketClientConnection connection = connect(ticket(project), "", received);
        try {
            connection.sendTextAndAwait("{\"type\":\"switch\",\"ticket\":\"" + ticket(UUID.randomUUID(), other,
                    UUID.randomUUID().toString()) + "\"}");
            connection.sendTextAndAwait("{\"type\":\"subscribe\"}");
            await().atMost(WAIT).until(() -> received.size() == 2);
            assertTrue(received.stream().map(this::read).allMatch(message -> "error".equals(message.get("type").asText())));

            connection.sendTextAndAwait("{\"type\":\"switch\",\"ticket\":\"" + ticket(other) + "\"}");
            await().atMost(WAIT).until(() -> received.size() == 3);
            assertEquals("switched", read(received.get(2)).get("type").asText());
            publish(project, "incident.created");
            EventEnvelope there = publish(other, "incident.created");
            await().atMost(WAIT).until(() -> received.size() == 4);
            assertEquals(there.id().toString(), read(received.get(3)).get("id").asText());
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void aClientThatDoesNotReadIsClosedAndTheOthersCarryOn() throws Exception {
        List<String> fast = new CopyOnWriteArrayList<>();
        WebSocketClientConnection reading = connect(ticket(project), "", fast);
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            stalled.getOutputStream().write(("GET /ws?ticket=" + ticket(project) + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            assertEquals(12, stalled.getInputStream().readNBytes(head, 0, 12));
            assertEquals("HTTP/1.1 101", new String(head, StandardCharsets.US_ASCII));
            double droppedBefore = dropped();
            String blob = "x".repeat(100_000);
            for (int i = 0; i < 120; i++) {
                publish(project, "incident.updated", Map.of("blob", blob));
            }
            await().atMost(WAIT).until(() -> fast.size() == 120);
            await().atMost(WAIT).until(() -> dropped() > droppedBefore);
        } finally {
            reading.closeAndAwait();
        }
    }

    @Test
    void aUserWhoSignsOutOrWhoseMembershipChangesIsDisconnectedAndNoOneElse() {
        UUID elsewhere = UUID.randomUUID();
        String colleague = UUID.randomUUID().toString();
        List<Integer> closes = new CopyOnWriteArrayList<>();
        WebSocketClientConnection demoted = connectClosing(ticket(project), closes);
        WebSocketClientConnection bystander = connectClosing(ticket(tenant, project, colleague), closes);
        WebSocketClientConnection inOtherProject = connectClosing(ticket(elsewhere), closes);

        publish(project, "member.role_changed", Map.of("userId", user, "from", "ENGINEER", "to", "VIEWER"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !demoted.isOpen());
        assertEquals(List.of(LiveConnection.ACCESS_CHANGED), closes);
        assertTrue(bystander.isOpen(), "another member stays connected");
        assertTrue(inOtherProject.isOpen(), "the same user's membership elsewhere did not change");

        publish(elsewhere, "member.removed", Map.of("userId", colleague));
        publish(project, "user.logout", Map.of("userId", user));
        await().atMost(Duration.ofSeconds(5)).until(() -> !inOtherProject.isOpen());
        assertTrue(bystander.isOpen(), "removed from a project they were not watching, signed in elsewhere");
        bystander.closeAndAwait();
    }

    private WebSocketClientConnection connectClosing(String ticket, List<Integer> closes) {
        return BasicWebSocketConnector.create().baseUri(base).path("/ws?ticket=" + ticket)
                .onClose((connection, reason) -> closes.add(reason.getCode())).connectAndAwait();
    }

    private double dropped() {
        String metrics = RestAssured.given().baseUri(base.toString()).when().get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith("sre_realtime_messages_dropped_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private EventEnvelope event(UUID projectId, String type) {
        return event(projectId, type, Map.of("n", 1));
    }

    private EventEnvelope event(UUID projectId, String type, Map<String, Object> data) {
        return EventEnvelope.create(type, tenant, projectId, Actor.system("test"),
                new ResourceRef("incident", UUID.randomUUID().toString()), mapper.valueToTree(data));
    }

    /** As the outbox relay writes it to the event stream: to its project's partition. */
    private EventEnvelope stream(UUID projectId, String type) {
        EventEnvelope event = event(projectId, type);
        redis.stream(String.class).xadd(config.streamFor(tenant, projectId), Map.of("event", codec.encode(event))).await().atMost(WAIT);
        return event;
    }

    private EventEnvelope publish(UUID projectId, String type) {
        return publish(projectId, type, Map.of("n", 1));
    }

    private EventEnvelope publish(UUID projectId, String type, Map<String, Object> data) {
        EventEnvelope event = event(projectId, type, data);
        redis.pubsub(String.class).publish(config.realtimeChannel(tenant, projectId), codec.encode(event))
                .await().atMost(WAIT);
        return event;
    }

    private WebSocketClientConnection connect(String ticket, String query, List<String> received) {
        return BasicWebSocketConnector.create().baseUri(base)
                // On the event loop, one message after another: worker threads could reorder them.
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING).path("/ws?ticket=" + ticket + query)
                .onTextMessage((connection, text) -> received.add(text)).connectAndAwait();
    }

    private String ticket(UUID projectId) {
        return ticket(tenant, projectId, user);
    }

    private String ticket(UUID tenantId, UUID projectId, String userId) {
        return Tickets.issue(redis, mapper, new WsTicket(tenantId, projectId, userId, Role.VIEWER));
    }
}

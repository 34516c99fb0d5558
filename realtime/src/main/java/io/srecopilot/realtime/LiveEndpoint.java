package io.srecopilot.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.WsTicket;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /ws}: a browser's live view of its project. The server speaks; a client may only ask to
 * switch project ({@code {"type":"switch","ticket":"…"}} with a ticket auth issued for that
 * project). A client reconnecting with {@code lastEventId} first gets what it missed, or
 * {@code resync} when that is no longer known.
 */
@WebSocket(path = "/ws")
public class LiveEndpoint {

    private final ProjectConnections connections;
    private final LiveReplay replay;
    private final LiveSender sender;
    private final TicketCheck tickets;
    private final RealtimeConfig config;
    private final ObjectMapper mapper;

    public LiveEndpoint(ProjectConnections connections, LiveReplay replay, LiveSender sender, TicketCheck tickets,
            RealtimeConfig config, ObjectMapper mapper) {
        this.connections = connections;
        this.replay = replay;
        this.sender = sender;
        this.tickets = tickets;
        this.config = config;
        this.mapper = mapper;
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection socket) {
        WsTicket ticket = socket.userData().get(TicketCheck.TICKET);
        LiveConnection connection = new LiveConnection(socket, config.maxPendingMessages());
        String lastEventId = socket.userData().get(TicketCheck.LAST_EVENT_ID);
        if (lastEventId == null) {
            connections.add(ticket.tenantId(), ticket.projectId(), connection);
            return Uni.createFrom().voidItem();
        }
        // Live events that arrive while the stream is read wait, so none overtakes a missed one.
        connection.beginReplay();
        connections.add(ticket.tenantId(), ticket.projectId(), connection);
        return replay.since(lastEventId, ticket.tenantId(), ticket.projectId())
                .map(missed -> {
                    if (missed == null) {
                        sender.control(connection, LiveMessage.control("resync", JsonNodeFactory.instance.objectNode()
                                .put("reason", "event " + lastEventId + " is no longer in the replay window")));
                        return Set.<UUID>of();
                    }
                    sender.replay(missed, connection);
                    return missed.stream().map(EventEnvelope::id).collect(Collectors.toSet());
                })
                .onFailure().recoverWithItem(failure -> {
                    sender.control(connection, LiveMessage.control("resync", JsonNodeFactory.instance.objectNode()
                            .put("reason", "what you missed could not be read")));
                    return Set.of();
                })
                .invoke(connection::endReplay)
                .replaceWithVoid();
    }

    /** The one thing a client may say: switch to another project, proven by a ticket for it. */
    @OnTextMessage
    Uni<Void> message(String text, WebSocketConnection socket) {
        LiveConnection connection = connections.get(socket.id());
        WsTicket current = socket.userData().get(TicketCheck.TICKET);
        JsonNode request = read(text);
        if (connection == null || request == null || !"switch".equals(request.path("type").asText())) {
            return error(connection, "the only message a client may send is {\"type\":\"switch\",\"ticket\":\"…\"}");
        }
        return tickets.redeem(request.path("ticket").asText(null)).chain(next -> {
            if (next == null || !next.tenantId().equals(current.tenantId()) || !next.userId().equals(current.userId())) {
                return error(connection, "the ticket does not let you watch that project");
            }
            socket.userData().put(TicketCheck.TICKET, next);
            connections.move(connection, next.tenantId(), next.projectId());
            sender.control(connection, LiveMessage.control("switched", JsonNodeFactory.instance.objectNode()
                    .put("projectId", next.projectId().toString())));
            return Uni.createFrom().voidItem();
        });
    }

    @OnClose
    void close(WebSocketConnection socket) {
        connections.remove(socket.id());
    }

    private Uni<Void> error(LiveConnection connection, String reason) {
        if (connection != null) {
            sender.control(connection, LiveMessage.control("error", JsonNodeFactory.instance.objectNode().put("reason", reason)));
        }
        return Uni.createFrom().voidItem();
    }

    private JsonNode read(String text) {
        try {
            return text.length() > 4096 ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

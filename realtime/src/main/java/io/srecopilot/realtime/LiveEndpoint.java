package io.srecopilot.realtime;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.srecopilot.platform.security.WsTicket;

/** {@code /ws}: a browser's live view of its project. The server speaks; clients only listen. */
@WebSocket(path = "/ws")
public class LiveEndpoint {

    private final ProjectConnections connections;

    public LiveEndpoint(ProjectConnections connections) {
        this.connections = connections;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        WsTicket ticket = connection.userData().get(TicketCheck.TICKET);
        connections.add(ticket.tenantId(), ticket.projectId(), connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        WsTicket ticket = connection.userData().get(TicketCheck.TICKET);
        connections.remove(ticket.tenantId(), ticket.projectId(), connection);
    }
}

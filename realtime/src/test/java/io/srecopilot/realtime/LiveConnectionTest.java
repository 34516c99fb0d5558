package io.srecopilot.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What one connection writes, in which order, around a replay. */
class LiveConnectionTest {

    private final List<String> written = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final LiveConnection connection = new LiveConnection(socket(), 4);

    @Test
    void liveEventsArrivingDuringAReplayFollowItOnceEach() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        connection.beginReplay();
        connection.sendLive(second, "second", () -> { }, () -> { }); // also among the missed ones
        connection.sendLive(third, "third", () -> { }, () -> { });
        connection.send("first", () -> { }, () -> { });
        connection.send("second", () -> { }, () -> { });
        connection.endReplay(Set.of(first, second));

        assertEquals(List.of("first", "second", "third"), written);
        connection.sendLive(UUID.randomUUID(), "fourth", () -> { }, () -> { });
        assertEquals("fourth", written.get(3));
    }

    @Test
    void tooManyHeldEventsCloseTheConnectionAsSlow() {
        connection.beginReplay();
        for (int i = 0; i < 5; i++) {
            connection.sendLive(UUID.randomUUID(), "live " + i, () -> { }, () -> { });
        }
        assertEquals(List.of("close"), closed);
    }

    private WebSocketConnection socket() {
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { WebSocketConnection.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        written.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    case "close" -> {
                        closed.add("close");
                        yield Uni.createFrom().voidItem();
                    }
                    case "id" -> "connection-1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

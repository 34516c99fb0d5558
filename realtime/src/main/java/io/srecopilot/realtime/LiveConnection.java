package io.srecopilot.realtime;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A browser's connection with a bound on what may wait to be sent to it: a client that does not
 * read fast enough is closed (code {@value #SLOW_CONSUMER}) rather than let its backlog grow.
 */
final class LiveConnection {

    /** Application close code: the client fell too far behind; it should reconnect with its last event id. */
    static final int SLOW_CONSUMER = 4008;

    private final WebSocketConnection socket;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();

    LiveConnection(WebSocketConnection socket, int maxPending) {
        this.socket = socket;
        this.maxPending = maxPending;
    }

    String id() {
        return socket.id();
    }

    /** Sends unless the connection is behind; emits false (and closes it once) when it is. */
    boolean send(String message, Runnable sent, Runnable dropped) {
        if (closing.get()) {
            dropped.run();
            return false;
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            dropped.run();
            if (closing.compareAndSet(false, true)) {
                socket.close(new CloseReason(SLOW_CONSUMER, "slow consumer: reconnect with your last event id"))
                        .subscribe().with(done -> { }, failure -> { });
            }
            return false;
        }
        socket.sendText(message).subscribe().with(done -> {
            pending.decrementAndGet();
            sent.run();
        }, failure -> {
            pending.decrementAndGet();
            dropped.run();
        });
        return true;
    }

    WebSocketConnection socket() {
        return socket;
    }
}

package io.srecopilot.realtime;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.srecopilot.platform.security.WsTicket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A browser's connection with a bound on what may wait to be sent to it: a client that does not
 * read fast enough is closed (code {@value #SLOW_CONSUMER}) rather than let its backlog grow.
 * While what a reconnecting client missed is replayed, live events are held back and then sent
 * after the replay, less those it already contained, so the client sees every event once, in order.
 */
final class LiveConnection {

    /** Application close code: the client fell too far behind; it should reconnect with its last event id. */
    static final int SLOW_CONSUMER = 4008;
    /** Application close code: the user signed out, or lost or changed their role; a new ticket decides. */
    static final int ACCESS_CHANGED = 4003;

    private final WebSocketConnection socket;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Live events waiting for the replay to finish; null when none is under way. */
    private volatile List<Held> held;

    private record Held(UUID eventId, String message, Runnable sent, Runnable dropped) {
    }

    LiveConnection(WebSocketConnection socket, int maxPending) {
        this.socket = socket;
        this.maxPending = maxPending;
    }

    String id() {
        return socket.id();
    }

    /** From now until {@link #endReplay}, live events wait; call before the connection receives any. */
    void beginReplay() {
        held = new ArrayList<>();
    }

    /** Sends the live events held back during the replay, except those it already sent. */
    synchronized void endReplay(Set<UUID> replayed) {
        List<Held> waiting = held;
        held = null;
        if (waiting != null) {
            waiting.stream().filter(live -> !replayed.contains(live.eventId()))
                    .forEach(live -> send(live.message(), live.sent(), live.dropped()));
        }
    }

    /** A live event: sent now, or after the replay under way (within the same bound on what waits). */
    void sendLive(UUID eventId, String message, Runnable sent, Runnable dropped) {
        if (held == null) {
            send(message, sent, dropped);
            return;
        }
        synchronized (this) {
            if (held == null) {
                send(message, sent, dropped);
            } else if (held.size() >= maxPending) {
                closeAsSlow(dropped);
            } else {
                held.add(new Held(eventId, message, sent, dropped));
            }
        }
    }

    /** Sends unless the connection is behind; emits false (and closes it once) when it is. */
    boolean send(String message, Runnable sent, Runnable dropped) {
        if (closing.get()) {
            dropped.run();
            return false;
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            closeAsSlow(dropped);
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

    private void closeAsSlow(Runnable dropped) {
        dropped.run();
        if (closing.compareAndSet(false, true)) {
            socket.close(new CloseReason(SLOW_CONSUMER, "slow consumer: reconnect with your last event id"))
                    .subscribe().with(done -> { }, failure -> { });
        }
    }

    WebSocketConnection socket() {
        return socket;
    }

    /** The user the connection's current ticket was issued to. */
    String userId() {
        WsTicket ticket = socket.userData().get(TicketCheck.TICKET);
        return ticket == null ? null : ticket.userId();
    }

    /** Closes the connection: what its ticket allowed may no longer hold. */
    void closeBecauseAccessChanged(String why) {
        if (closing.compareAndSet(false, true)) {
            socket.close(new CloseReason(ACCESS_CHANGED, why)).subscribe().with(done -> { }, failure -> { });
        }
    }
}

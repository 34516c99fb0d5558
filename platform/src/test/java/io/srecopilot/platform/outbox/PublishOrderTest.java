package io.srecopilot.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishOrderTest {

    private static final UUID PROJECT_A = UUID.randomUUID();
    private static final UUID PROJECT_B = UUID.randomUUID();

    @Test
    void everythingGoesOutWhenNoOtherRelayHoldsEarlierEvents() {
        List<PendingEvent> claimed = List.of(event(1, PROJECT_A), event(2, PROJECT_B), event(3, PROJECT_A));
        assertEquals(claimed, PublishOrder.publishable(claimed, Map.of()));
    }

    @Test
    void aProjectWaitsBehindItsEarlierEventHeldElsewhereWhileOthersProceed() {
        // Another relay holds project A's event 4: A's events 7 and 9 must wait for it, 2 may go.
        List<PendingEvent> claimed = List.of(event(2, PROJECT_A), event(5, PROJECT_B), event(7, PROJECT_A),
                event(9, PROJECT_A));
        List<PendingEvent> ready = PublishOrder.publishable(claimed, Map.of(PROJECT_A, 4L));
        assertEquals(List.of(2L, 5L), ready.stream().map(PendingEvent::seq).toList());
    }

    @Test
    void laterUnclaimedEventsDoNotBlock() {
        List<PendingEvent> claimed = List.of(event(1, PROJECT_A), event(2, PROJECT_A));
        assertEquals(claimed, PublishOrder.publishable(claimed, Map.of(PROJECT_A, 3L)));
    }

    private static PendingEvent event(long seq, UUID project) {
        return new PendingEvent(seq, project, UUID.randomUUID(), "test.event", UUID.randomUUID(), project, "{}");
    }
}

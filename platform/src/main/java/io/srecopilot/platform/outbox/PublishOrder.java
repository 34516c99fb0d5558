package io.srecopilot.platform.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps each ordering key's events in order when several relays run. A relay may publish a
 * claimed event only if no earlier unpublished event of the same key is held by another relay.
 */
final class PublishOrder {

    private PublishOrder() {
    }

    /**
     * @param claimed the rows this pass locked, in sequence order
     * @param firstForeignSeq per key, the lowest unpublished sequence number this pass did not claim
     */
    static List<PendingEvent> publishable(List<PendingEvent> claimed, Map<UUID, Long> firstForeignSeq) {
        return claimed.stream()
                .filter(event -> event.seq() < firstForeignSeq.getOrDefault(event.orderingKey(), Long.MAX_VALUE))
                .toList();
    }
}

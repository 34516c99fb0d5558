package io.srecopilot.platform.outbox;

import java.util.UUID;

/** A committed, not yet published outbox row, claimed by one relay pass. */
record PendingEvent(long seq, UUID orderingKey, UUID eventId, String type, UUID tenantId, UUID projectId,
        String envelope) {
}

package io.srecopilot.auth.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The events auth emits, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class AuthEvents {

    private final Outbox outbox;
    private final EventCodec codec;

    public AuthEvents(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    /**
     * @param projectId null for tenant-level events (logins)
     * @param tenantId null only for a failed login with an unknown email
     */
    Uni<Void> emit(String type, UUID tenantId, UUID projectId, Actor actor, ResourceRef resource, Object data) {
        return outbox.append(EventEnvelope.create(type, tenantId, projectId, actor, resource, codec.toData(data)));
    }
}

package io.srecopilot.audit;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Records every event of every service; the consumer de-duplicates, so each is recorded once. */
@ApplicationScoped
public class AuditRecorder implements EventHandler {

    @Override
    public boolean accepts(String eventType) {
        return true;
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        return AuditRecord.of(event, SensitiveFields.redact(event.data())).persist().replaceWithVoid();
    }
}

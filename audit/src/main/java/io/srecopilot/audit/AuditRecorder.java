package io.srecopilot.audit;

import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.chain.AuditChain;
import io.srecopilot.platform.audit.SensitiveFields;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records every event of every service in its tenant's hash chain; the consumer de-duplicates, so
 * each is recorded once.
 */
@ApplicationScoped
public class AuditRecorder implements EventHandler {

    private final AuditChain chain;

    public AuditRecorder(AuditChain chain) {
        this.chain = chain;
    }

    @Override
    public boolean accepts(String eventType) {
        return true;
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        return chain.append(AuditRecord.of(event, SensitiveFields.redact(event.data()))).replaceWithVoid();
    }
}

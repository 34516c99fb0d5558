package io.srecopilot.audit;

import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.chain.AuditChain;
import io.srecopilot.platform.audit.SensitiveFields;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.BatchEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records every event of every service in its tenant's hash chain; the consumer de-duplicates, so
 * each is recorded once. Takes each read of the stream at once: one transaction, one lock per
 * tenant's chain, for thousands of events a second.
 */
@ApplicationScoped
public class AuditRecorder implements BatchEventHandler {

    private final AuditChain chain;

    public AuditRecorder(AuditChain chain) {
        this.chain = chain;
    }

    @Override
    public boolean accepts(String eventType) {
        return true;
    }

    @Override
    public Uni<Void> handleAll(List<EventEnvelope> events) {
        return chain.appendAll(events.stream().map(event -> AuditRecord.of(event, SensitiveFields.redact(event.data())))
                .toList());
    }
}

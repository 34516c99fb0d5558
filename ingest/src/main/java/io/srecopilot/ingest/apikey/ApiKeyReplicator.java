package io.srecopilot.ingest.apikey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Keeps ingest's copy of API keys in step with auth's {@code apikey.created} and {@code apikey.revoked}. */
@ApplicationScoped
public class ApiKeyReplicator implements EventHandler {

    static final String CREATED = "apikey.created";
    static final String REVOKED = "apikey.revoked";

    private static final String INSERT = """
            INSERT INTO api_key (id, tenant_id, project_id, name, prefix, key_hash, scopes, created_at)
            VALUES (:id, :tenantId, :projectId, :name, :prefix, :keyHash, string_to_array(CAST(:scopes AS text), ','), :createdAt)
            ON CONFLICT (id) DO NOTHING""";

    private static final String REVOKE = """
            UPDATE api_key SET revoked_at = :revokedAt WHERE id = :id AND tenant_id = :tenantId AND revoked_at IS NULL""";

    private final EventCodec codec;

    public ApiKeyReplicator(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return CREATED.equals(eventType) || REVOKED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        KeyData key = codec.fromData(event.data(), KeyData.class);
        return Panache.getSession().chain(session -> CREATED.equals(event.type())
                ? session.createNativeQuery(INSERT)
                        .setParameter("id", key.id()).setParameter("tenantId", event.tenantId())
                        .setParameter("projectId", event.projectId()).setParameter("name", key.name())
                        .setParameter("prefix", key.prefix()).setParameter("keyHash", key.keyHash())
                        .setParameter("scopes", String.join(",", key.scopes()))
                        .setParameter("createdAt", event.occurredAt())
                        .executeUpdate()
                : session.createNativeQuery(REVOKE)
                        .setParameter("id", key.id()).setParameter("tenantId", event.tenantId())
                        .setParameter("revokedAt", event.occurredAt())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The part of auth's {@code apikey.*} data ingest keeps. */
    public record KeyData(UUID id, String name, String prefix, String keyHash, List<String> scopes, Instant createdAt) {

        public KeyData {
            scopes = scopes == null ? List.of() : scopes;
        }
    }
}

package io.srecopilot.ingest.change;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Records changes once however often they are reported, announcing each new one. */
@ApplicationScoped
public class ChangeService {

    private static final String INSERT = """
            INSERT INTO change (id, tenant_id, project_id, type, service, environment, version, commit_sha, author,
                                description, url, deployed_at, recorded_at, identity)
            VALUES (:id, :tenantId, :projectId, :type, :service, :environment, :version, :commit, :author,
                    :description, :url, :deployedAt, :now, :identity)
            ON CONFLICT (project_id, identity) DO NOTHING""";

    private final Outbox outbox;
    private final EventCodec codec;

    public ChangeService(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    @WithTransaction
    public Uni<Recorded> record(Caller caller, ChangeRequest request) {
        Instant now = Timestamps.now();
        Instant deployedAt = request.deployedAt() == null ? now : Timestamps.of(request.deployedAt());
        String type = request.type() == null ? "deploy" : request.type();
        String identity = identity(type, request, deployedAt);
        UUID id = UUID.randomUUID();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", id).setParameter("tenantId", caller.tenantId())
                .setParameter("projectId", caller.projectId()).setParameter("type", type)
                .setParameter("service", request.service().trim()).setParameter("environment", request.environment())
                .setParameter("version", request.version())
                .setParameter("commit", request.commit() == null ? null : request.commit().toLowerCase())
                .setParameter("author", request.author()).setParameter("description", request.description())
                .setParameter("url", request.url()).setParameter("deployedAt", deployedAt).setParameter("now", now)
                .setParameter("identity", identity)
                .executeUpdate())
                .chain(inserted -> Change.<Change>find("projectId = ?1 and identity = ?2", caller.projectId(), identity)
                        .firstResult()
                        .chain(change -> inserted == 0
                                ? Uni.createFrom().item(new Recorded(ChangeView.of(change), false))
                                : announce(caller, change).replaceWith(new Recorded(ChangeView.of(change), true))));
    }

    private Uni<Void> announce(Caller caller, Change change) {
        return outbox.append(EventEnvelope.create(EventTypes.CHANGE_RECORDED, caller.tenantId(), caller.projectId(),
                caller.actor(), new ResourceRef("change", change.id.toString()), codec.toData(ChangeView.of(change))));
    }

    /** The pipeline's own id when it gives one, else everything the report says. */
    private static String identity(String type, ChangeRequest request, Instant deployedAt) {
        if (request.externalId() != null && !request.externalId().isBlank()) {
            return "external:" + request.externalId();
        }
        String described = Stream.of(type, request.service().trim(), request.environment(), request.version(),
                request.commit() == null ? null : request.commit().toLowerCase(), deployedAt.toString())
                .map(value -> Objects.toString(value, "")).collect(Collectors.joining("\u0000"));
        return "sha256:" + HexFormat.of().formatHex(Hashes.sha256(described));
    }

    /** The change, and whether this report recorded it (false: it was known already). */
    public record Recorded(ChangeView change, boolean created) {
    }
}

package io.srecopilot.auth.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ApiKey;
import io.srecopilot.auth.ApiKeyView;
import io.srecopilot.auth.Project;
import io.srecopilot.auth.rest.CreateApiKeyRequest;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.ApiKeyFormat;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Project API keys. The key is shown once, at creation; auth keeps its prefix and hash, and the
 * services that accept keys ask auth about them (introspection), caching answers for 25 seconds.
 */
@ApplicationScoped
public class ApiKeyService {

    private final AuthEvents events;
    private final ChangeRecorder changes;

    public ApiKeyService(AuthEvents events, ChangeRecorder changes) {
        this.events = events;
        this.changes = changes;
    }

    /** Updating last use on every call would write on every alert; a minute's precision is enough. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    public record Created(ApiKey apiKey, String key) {
    }

    /** RFC 7662-style answer: {@code active} and, when active, whose key it is and what it may do. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Introspection(boolean active, UUID keyId, UUID tenantId, UUID projectId, List<String> scopes,
            Instant expiresAt) {

        static final Introspection INACTIVE = new Introspection(false, null, null, null, null, null);
    }

    @WithTransaction
    public Uni<Created> create(Caller caller, UUID projectId, CreateApiKeyRequest request) {
        ActiveProject.require(caller, projectId);
        ApiKeyFormat.NewKey generated = ApiKeyFormat.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.tenantId = caller.tenantId();
        key.projectId = projectId;
        key.name = request.name().strip();
        key.prefix = generated.prefix();
        key.keyHash = generated.hash();
        key.scopes = String.join(",", request.scopes().stream().sorted().distinct().toList());
        key.createdBy = caller.userId();
        key.createdAt = Timestamps.now();
        key.expiresAt = Timestamps.of(request.expiresAt());
        Map<String, Object> data = new HashMap<>(Map.of("id", key.id, "name", key.name, "prefix", key.prefix,
                "scopes", key.scopeList()));
        if (key.expiresAt != null) {
            data.put("expiresAt", key.expiresAt);
        }
        return key.persist()
                .call(() -> events.emit(EventTypes.API_KEY_CREATED, key.tenantId, key.projectId, caller.actor(), resource(key), data))
                .replaceWith(new Created(key, generated.key()));
    }

    /** What a key may do, for the services that accept keys; inactive for anything unknown, revoked or expired. */
    @WithTransaction
    public Uni<Introspection> introspect(String presented) {
        String prefix = ApiKeyFormat.prefixOf(presented).orElse(null);
        if (prefix == null) {
            return Uni.createFrom().item(Introspection.INACTIVE);
        }
        Instant now = Timestamps.now();
        return ApiKey.<ApiKey>find("prefix", prefix).firstResult().chain(key -> {
            if (key == null || !ApiKeyFormat.matches(presented, key.keyHash) || !key.isUsable(now)) {
                return Uni.createFrom().item(Introspection.INACTIVE);
            }
            return Project.<Project>findById(key.projectId).map(project -> {
                if (project == null || project.deletedAt != null || project.isArchived()) {
                    return Introspection.INACTIVE;
                }
                if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
                    key.lastUsedAt = now;
                }
                return new Introspection(true, key.id, key.tenantId, key.projectId, key.scopeList(), key.expiresAt);
            });
        });
    }

    @WithSession
    public Uni<List<ApiKey>> list(Caller caller, UUID projectId) {
        ActiveProject.require(caller, projectId);
        return ApiKey.list("tenantId = ?1 and projectId = ?2 order by createdAt desc, id", caller.tenantId(), projectId);
    }

    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID projectId, UUID keyId) {
        ActiveProject.require(caller, projectId);
        return ApiKey.<ApiKey>find("id = ?1 and tenantId = ?2 and projectId = ?3", keyId, caller.tenantId(), projectId)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("API key", keyId))
                .chain(key -> {
                    changes.before(ApiKeyView.of(key));
                    if (key.revokedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    key.revokedAt = Timestamps.now();
                    return events.emit(EventTypes.API_KEY_REVOKED, key.tenantId, key.projectId, caller.actor(), resource(key),
                            Map.of("id", key.id, "prefix", key.prefix));
                });
    }

    private static ResourceRef resource(ApiKey key) {
        return new ResourceRef("apikey", key.id.toString());
    }
}

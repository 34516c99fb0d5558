package io.srecopilot.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ApiKey;
import io.srecopilot.auth.rest.CreateApiKeyRequest;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.ApiKeyFormat;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Project API keys. The key is shown once, at creation; what is kept (prefix, hash, scopes) is
 * announced so ingest can accept the key without asking auth on every alert.
 */
@ApplicationScoped
public class ApiKeyService {

    private final AuthEvents events;

    public ApiKeyService(AuthEvents events) {
        this.events = events;
    }

    public record Created(ApiKey apiKey, String key) {
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
        return key.persist()
                .call(() -> events.emit("apikey.created", key.tenantId, key.projectId, caller.actor(), resource(key),
                        Map.of("id", key.id, "name", key.name, "prefix", key.prefix, "scopes", key.scopeList(),
                                "keyHash", key.keyHash, "createdAt", key.createdAt)))
                .replaceWith(new Created(key, generated.key()));
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
                    if (key.revokedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    key.revokedAt = Timestamps.now();
                    return events.emit("apikey.revoked", key.tenantId, key.projectId, caller.actor(), resource(key),
                            Map.of("id", key.id, "prefix", key.prefix));
                });
    }

    private static ResourceRef resource(ApiKey key) {
        return new ResourceRef("apikey", key.id.toString());
    }
}

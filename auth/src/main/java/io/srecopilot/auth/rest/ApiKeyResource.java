package io.srecopilot.auth.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ApiKey;
import io.srecopilot.auth.ApiKeyView;
import io.srecopilot.auth.service.ApiKeyService;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** A project's API keys, managed by its admins. */
@Path("/api/v1/projects/{projectId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final CallerContext callerContext;

    public ApiKeyResource(ApiKeyService keys, CallerContext callerContext) {
        this.keys = keys;
        this.callerContext = callerContext;
    }

    /** Shown once: {@code key} is the only time the secret leaves auth. */
    public record CreatedKey(UUID id, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant expiresAt, String key) {
    }

    public record Keys(List<ApiKeyView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CreatedKey>> create(@PathParam("projectId") UUID projectId,
            @Valid @NotNull CreateApiKeyRequest request) {
        return keys.create(callerContext.get(), projectId, request).map(created -> {
            ApiKey key = created.apiKey();
            return RestResponse.ResponseBuilder.<CreatedKey>create(RestResponse.Status.CREATED)
                    .entity(new CreatedKey(key.id, key.name, key.prefix, key.scopeList(), key.createdAt, key.expiresAt,
                            created.key()))
                    .build();
        });
    }

    @GET
    public Uni<Keys> list(@PathParam("projectId") UUID projectId) {
        return keys.list(callerContext.get(), projectId).map(found -> new Keys(found.stream().map(ApiKeyView::of).toList()));
    }

    @DELETE
    @Path("/{keyId}")
    public Uni<RestResponse<Void>> revoke(@PathParam("projectId") UUID projectId, @PathParam("keyId") UUID keyId) {
        return keys.revoke(callerContext.get(), projectId, keyId).map(ignored -> RestResponse.noContent());
    }
}

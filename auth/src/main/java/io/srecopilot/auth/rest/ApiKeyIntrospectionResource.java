package io.srecopilot.auth.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.service.ApiKeyService;
import io.srecopilot.platform.security.ServiceScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For other services only: what an API key presented to them may do. */
@Path("/api/v1/auth/api-keys/introspect")
public class ApiKeyIntrospectionResource {

    private final ApiKeyService keys;

    public ApiKeyIntrospectionResource(ApiKeyService keys) {
        this.keys = keys;
    }

    public record IntrospectionRequest(@NotBlank @Size(max = 200) String key) {
    }

    @POST
    @RolesAllowed(ServiceScopes.INTROSPECT_API_KEYS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ApiKeyService.Introspection> introspect(@Valid @NotNull IntrospectionRequest request) {
        return keys.introspect(request.key());
    }
}

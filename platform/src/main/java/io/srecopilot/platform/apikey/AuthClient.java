package io.srecopilot.platform.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What services ask auth: a service token (client credentials) and what an API key may do. */
@RegisterRestClient(configKey = "sre-auth")
@Path("/api/v1/auth")
public interface AuthClient {

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ServiceToken> token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret);

    /** A token for one project's calls, with the scopes asked for (space-separated, as in RFC 6749). */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ServiceToken> projectToken(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("scope") String scope,
            @FormParam("tenant_id") String tenantId, @FormParam("project_id") String projectId);

    @POST
    @Path("/api-keys/introspect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<KeyIntrospection> introspect(@HeaderParam("Authorization") String authorization, KeyToCheck key);

    record ServiceToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    record KeyToCheck(String key) {
    }

    /** {@code active} false for anything unknown, revoked or expired. */
    record KeyIntrospection(boolean active, UUID keyId, UUID tenantId, UUID projectId, List<String> scopes,
            Instant expiresAt) {
    }
}

package io.srecopilot.auth.rest;

import io.srecopilot.auth.tokens.SigningKeys;
import io.srecopilot.platform.security.JsonWebKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The public keys access tokens are verified with, as a JSON Web Key Set: the current signing key
 * and, after a rotation, the previous ones. Services and gateways fetch it (or a copy of it) instead
 * of sharing any secret.
 */
@Path("/api/v1/auth/jwks")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    public record Jwks(List<JsonWebKeys.Jwk> keys) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Jwks jwks() {
        return new Jwks(keys.published());
    }
}

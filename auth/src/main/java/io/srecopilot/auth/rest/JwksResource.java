package io.srecopilot.auth.rest;

import io.smallrye.jwt.util.KeyUtils;
import io.srecopilot.platform.security.Hashes;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public key access tokens are verified with, as a JSON Web Key Set, for services and
 * gateways that fetch keys instead of mounting them. The key id is its RFC 7638 thumbprint.
 */
@Path("/api/v1/auth/jwks")
public class JwksResource {

    private final String publicKeyLocation;
    private volatile Jwks jwks;

    public JwksResource(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyLocation) {
        this.publicKeyLocation = publicKeyLocation;
    }

    public record Jwk(String kty, String use, String alg, String kid, String n, String e) {
    }

    public record Jwks(List<Jwk> keys) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Jwks jwks() throws Exception {
        if (jwks == null) {
            RSAPublicKey key = (RSAPublicKey) KeyUtils.readPublicKey(publicKeyLocation);
            String n = base64Url(key.getModulus());
            String e = base64Url(key.getPublicExponent());
            String thumbprint = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Hashes.sha256("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}"));
            jwks = new Jwks(List.of(new Jwk("RSA", "sig", "RS256", thumbprint, n, e)));
        }
        return jwks;
    }

    /** Unsigned big-endian bytes, base64url without padding (RFC 7518). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}

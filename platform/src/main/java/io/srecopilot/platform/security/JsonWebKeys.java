package io.srecopilot.platform.security;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** RSA public keys as JSON Web Keys (RFC 7517/7518) and their key ids (RFC 7638 thumbprints). */
public final class JsonWebKeys {

    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private JsonWebKeys() {
    }

    /** A signing key as the JWKS publishes it. */
    public record Jwk(String kty, String use, String alg, String kid, String n, String e) {
    }

    public static Jwk jwk(RSAPublicKey key) {
        return new Jwk("RSA", "sig", "RS256", keyId(key), modulus(key), exponent(key));
    }

    /** The key's RFC 7638 thumbprint: the same key always gets the same id, in every service. */
    public static String keyId(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + exponent(key) + "\",\"kty\":\"RSA\",\"n\":\"" + modulus(key) + "\"}";
        return BASE64_URL.encodeToString(Hashes.sha256(canonical));
    }

    private static String modulus(RSAPublicKey key) {
        return unsigned(key.getModulus());
    }

    private static String exponent(RSAPublicKey key) {
        return unsigned(key.getPublicExponent());
    }

    /** Big-endian bytes without the sign byte, base64url without padding. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return BASE64_URL.encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
    }
}

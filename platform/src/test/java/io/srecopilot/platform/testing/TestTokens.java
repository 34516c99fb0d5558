package io.srecopilot.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.srecopilot.platform.security.JsonWebKeys;
import io.srecopilot.platform.security.Role;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens the way auth does (RS256, issuer and audience {@code sre-copilot},
 * {@code tid}, {@code pid}, {@code groups}) with the test key pair in {@code testing/}.
 * Services under test verify them with {@code mp.jwt.verify.publickey.location=testing/jwt-public.pem}.
 */
public final class TestTokens {

    public static final String PUBLIC_KEY_LOCATION = "testing/jwt-public.pem";
    /** The test key's id (its RFC 7638 thumbprint), as auth puts it in the {@code kid} header. */
    public static final String KEY_ID = testKeyId();
    private static final String PRIVATE_KEY_LOCATION = "testing/jwt-private.pem";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static PrivateKey testKey;

    private TestTokens() {
    }

    public static String sign(UUID tenantId, UUID projectId, UUID userId, Role role) {
        return claims(tenantId, projectId, userId, role, Instant.now().plus(LIFETIME)).sign(testKey());
    }

    /** A service account's token, as auth's client-credentials grant issues it: role {@code service}, no tenant. */
    public static String service(String name) {
        Instant now = Instant.now();
        return Jwt.claims(Map.of("iss", "sre-copilot", "aud", "sre-copilot", "sub", "service:" + name,
                "groups", List.of("service"), "jti", UUID.randomUUID().toString(),
                "iat", now.getEpochSecond(), "exp", now.plus(LIFETIME).getEpochSecond()))
                .jws().keyId(KEY_ID).sign(testKey());
    }

    /**
     * A service account's token bound to one project with these scopes, as auth issues it when a
     * service asks for a project's scope (ai's {@code context:read}).
     */
    public static String serviceFor(String name, UUID tenantId, UUID projectId, String... scopes) {
        Instant now = Instant.now();
        List<String> groups = new java.util.ArrayList<>(List.of("service"));
        groups.addAll(List.of(scopes));
        return Jwt.claims(Map.of("iss", "sre-copilot", "aud", "sre-copilot", "sub", "service:" + name,
                "groups", groups, "tid", tenantId.toString(), "pid", projectId.toString(),
                "jti", UUID.randomUUID().toString(), "iat", now.getEpochSecond(), "exp", now.plus(LIFETIME).getEpochSecond()))
                .jws().keyId(KEY_ID).sign(testKey());
    }

    /** A token that was valid and expired an hour ago. */
    public static String expired(TestCaller caller) {
        return claims(caller.tenantId(), caller.projectId(), caller.userId(), caller.role(),
                Instant.now().minus(Duration.ofHours(1))).sign(testKey());
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String signedByStranger(TestCaller caller) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(caller.tenantId(), caller.projectId(), caller.userId(), caller.role(),
                    Instant.now().plus(LIFETIME)).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with the trusted key but lacking one claim, e.g. {@code tid}. */
    public static String signedWithout(TestCaller caller, String claim) {
        Map<String, Object> claims = claimMap(caller, Instant.now().plus(LIFETIME));
        claims.remove(claim);
        return Jwt.claims(claims).jws().keyId(KEY_ID).sign(testKey());
    }

    /** A token signed with the trusted key whose claim {@code name} says something else, e.g. another issuer. */
    public static String signedWith(TestCaller caller, String name, Object value) {
        Map<String, Object> claims = claimMap(caller, Instant.now().plus(LIFETIME));
        claims.put(name, value);
        return Jwt.claims(claims).jws().keyId(KEY_ID).sign(testKey());
    }

    /** The same claims with {@code "alg": "none"} and no signature at all. */
    public static String unsigned(TestCaller caller) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(Json.createObjectBuilder(claimMap(caller, Instant.now().plus(LIFETIME)))
                .build().toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static JwtSignatureBuilder claims(UUID tenantId, UUID projectId, UUID userId, Role role,
            Instant expiresAt) {
        return Jwt.claims(claimMap(tenantId, projectId, userId, role, expiresAt)).jws().keyId(KEY_ID);
    }

    private static Map<String, Object> claimMap(TestCaller caller, Instant expiresAt) {
        return claimMap(caller.tenantId(), caller.projectId(), caller.userId(), caller.role(), expiresAt);
    }

    private static Map<String, Object> claimMap(UUID tenantId, UUID projectId, UUID userId, Role role,
            Instant expiresAt) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "sre-copilot");
        claims.put("aud", "sre-copilot");
        claims.put("sub", userId.toString());
        claims.put("upn", userId + "@test.sre-copilot.dev");
        claims.put("groups", List.of(role.value()));
        claims.put("tid", tenantId.toString());
        claims.put("pid", projectId.toString());
        claims.put("iat", expiresAt.minus(LIFETIME).getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        return claims;
    }

    private static String testKeyId() {
        try {
            return JsonWebKeys.keyId((RSAPublicKey) KeyUtils.readPublicKey(PUBLIC_KEY_LOCATION));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test public key " + PUBLIC_KEY_LOCATION, e);
        }
    }

    private static synchronized PrivateKey testKey() {
        if (testKey == null) {
            try {
                testKey = KeyUtils.readPrivateKey(PRIVATE_KEY_LOCATION);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the test signing key " + PRIVATE_KEY_LOCATION, e);
            }
        }
        return testKey;
    }
}

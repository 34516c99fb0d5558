package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every service that takes users' access tokens refuses forged ones with a 401 problem, whatever
 * was tampered with: the claims under the real signature (another tenant, a higher role), the
 * signature (none, another key, HMAC with the public key), or, signed with the stack's own key,
 * claims that say the token must not be accepted (expired, another issuer or audience). Realtime
 * takes one-time tickets instead, refused in its own tests.
 */
@ExtendWith(RunningStack.class)
class ForgedTokenIT {

    /** One read per service that a project owner may make. */
    private static final Map<String, String> READS = Map.of(
            "auth", "/api/v1/auth/me",
            "incidents", "/api/v1/incidents",
            "ai", "/api/v1/ai/policies/decisions",
            "ingest", "/api/v1/signals",
            "audit", "/api/v1/audit");

    @Test
    void everyServiceRefusesForgedAccessTokensWith401(Stack stack) {
        Tenant attacker = Tenant.register(stack, "Mallory");
        Tenant victim = Tenant.register(stack, "Victim");
        ForgedTokens forge = new ForgedTokens(attacker.token, stack.signingKeys());
        long now = Instant.now().getEpochSecond();

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("another tenant's ids under the real signature",
                forge.edited(claims -> claims.put("tid", victim.tenantId).put("pid", victim.projectId)));
        forged.put("a higher role under the real signature",
                forge.edited(claims -> claims.putArray("groups").add("service").add("owner")));
        forged.put("no signature (alg none)", forge.withoutSignature());
        forged.put("signed by another key under the real key's id", forge.signedByStranger());
        forged.put("HMAC-signed with the public key (algorithm confusion)", forge.hmacWithThePublicKey());
        forged.put("expired an hour ago", forge.signedByTheStack(claims -> claims.put("iat", now - 7_200)
                .put("exp", now - 3_600)));
        forged.put("another issuer", forge.signedByTheStack(claims -> claims.put("iss", "https://issuer.example")));
        forged.put("another audience", forge.signedByTheStack(claims -> claims.put("aud", "another-audience")));
        String resigned = forge.signedByTheStack(claims -> { });

        READS.forEach((service, path) -> {
            // Controls: the real token, and the forger's own signing of unchanged claims, are accepted,
            // so each refusal below is the service judging what was forged.
            assertEquals(200, read(stack, service, path, attacker.token).statusCode(), service + " with the real token");
            assertEquals(200, read(stack, service, path, resigned).statusCode(), service + " with the claims re-signed");
            forged.forEach((what, token) -> {
                Response refused = read(stack, service, path, token);
                assertEquals(401, refused.statusCode(), service + " " + path + " with a token " + what);
                assertTrue(refused.contentType().startsWith("application/problem+json"),
                        service + " answers a token " + what + " with " + refused.contentType());
            });
        });
    }

    private static Response read(Stack stack, String service, String path, String token) {
        return given().baseUri(stack.url(service)).header("Authorization", "Bearer " + token).when().get(path);
    }
}

package io.srecopilot.platform.apikey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.fixtures.AuthContract;
import io.srecopilot.platform.security.ApiKeyFormat;
import io.srecopilot.platform.testing.PrivateRedisResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys as every service accepts them: checked with auth, answers kept briefly (1 s in tests, 30 s by default). */
@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class ApiKeyAuthenticationTest {

    @Inject
    AuthContract auth;

    private final UUID tenant = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();

    @Test
    void aReadKeyActsAsAViewerOfItsProject() {
        String key = key(List.of("read"));
        call(key).statusCode(200)
                .body("tenantId", equalTo(tenant.toString()))
                .body("projectId", equalTo(project.toString()))
                .body("role", equalTo("viewer"))
                .body("actor.type", equalTo("apikey"));
    }

    @Test
    void aKeyWithoutReadIsRefusedWhereViewersMayGoAndUnknownKeysAreNotKeys() {
        call(key(List.of("ingest:write"))).statusCode(403);
        call(ApiKeyFormat.generate().key()).statusCode(401).contentType("application/problem+json");
        call("sre_malformed").statusCode(401);
    }

    @Test
    void answersAreReusedBrieflySoARevocationTakesEffectWithinTheirLifetime() {
        String key = key(List.of("read"));
        int before = auth.introspections.get();
        call(key).statusCode(200);
        call(key).statusCode(200);
        assertEquals(before + 1, auth.introspections.get(), "the second call used the cached answer");

        auth.keys.remove(key);
        call(key).statusCode(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> call(key).statusCode(401));
    }

    @Test
    void theServiceTokenIsReusedAndRenewedWhenAuthRefusesIt() {
        call(key(List.of("read"))).statusCode(200);
        int tokens = auth.tokensIssued.get();
        call(key(List.of("read"))).statusCode(200);
        assertEquals(tokens, auth.tokensIssued.get(), "one token serves many checks");

        auth.rotateTokens();
        call(key(List.of("read"))).statusCode(200);
        assertEquals(tokens + 1, auth.tokensIssued.get(), "a refused token is replaced once");
    }

    @Test
    void whenAuthCannotAnswerTheCallIsA503NotA401() {
        String key = key(List.of("read"));
        auth.down = true;
        try {
            call(key).statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            auth.down = false;
        }
        call(key).statusCode(200);
    }

    private String key(List<String> scopes) {
        String key = ApiKeyFormat.generate().key();
        auth.register(key, tenant, project, scopes);
        return key;
    }

    private static ValidatableResponse call(String key) {
        return given().header("Authorization", "Bearer " + key).when().get("/probe/caller").then();
    }
}

package io.srecopilot.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The brute-force defence, seen from clients at different addresses (X-Forwarded-For, trusted in tests). */
@QuarkusTest
class LoginThrottleTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String WRONG = "wrong horse battery!";

    @Test
    void anAddressThatKeepsGuessingWaitsLongerWhileTheOwnerStillSignsInElsewhere() throws InterruptedException {
        String email = register();
        for (int i = 0; i < 5; i++) {
            login(email, WRONG, "10.1.0.1").statusCode(401);
        }
        login(email, PASSWORD, "10.1.0.1").statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:sre-copilot:problem:rate-limited"));
        login(email, PASSWORD, "10.1.0.2").statusCode(200);

        Thread.sleep(1_100);
        login(email, WRONG, "10.1.0.1").statusCode(401);
        login(email, WRONG, "10.1.0.1").statusCode(429).header("Retry-After", "2");
    }

    @Test
    void anAccountTakesAHundredFailuresAnHourAndStillLetsItsOwnerInFromAKnownAddress() {
        String email = register();
        login(email, PASSWORD, "10.2.0.1").statusCode(200);
        for (int address = 0; address < 20; address++) {
            for (int i = 0; i < 5; i++) {
                login(email, WRONG, "10.2.1." + address).statusCode(401);
            }
        }
        login(email, PASSWORD, "10.2.2.1").statusCode(429).header("Retry-After", Integer::parseInt, greaterThan(3_000));
        login(email, WRONG, "10.2.2.2").statusCode(429);
        login(email, PASSWORD, "10.2.0.1").statusCode(200);
    }

    @Test
    void oneAddressFailsAtMostThreeHundredTimesAnHourAcrossAccounts() {
        for (int account = 0; account < 60; account++) {
            String guess = "guess-" + UUID.randomUUID() + "@example.com";
            for (int i = 0; i < 5; i++) {
                login(guess, WRONG, "10.3.0.1").statusCode(401);
            }
        }
        String email = register();
        login(email, PASSWORD, "10.3.0.1").statusCode(429);
        login(email, PASSWORD, "10.3.0.2").statusCode(200);
    }

    @Test
    void everyFailedAttemptIsAnnouncedWithItsAddress() {
        String email = register();
        String tenantId = tenantOf(email);
        login(email, WRONG, "10.4.0.9").statusCode(401);
        await().atMost(Duration.ofSeconds(20)).until(() -> failures(tenantId).size() == 1);
        EventEnvelope failed = failures(tenantId).get(0);
        assertEquals("10.4.0.9", failed.data().get("ip").asText());
        assertEquals(email, failed.data().get("email").asText());
    }

    private static List<EventEnvelope> failures(String tenantId) {
        return TestStream.published(tenantId, "user.login_failed");
    }

    private static String tenantOf(String email) {
        String token = given().contentType("application/json").body(Map.of("email", email, "password", PASSWORD))
                .header("X-Forwarded-For", "10.4.0.1").when().post("/api/v1/auth/login").path("accessToken");
        return given().auth().oauth2(token).when().get("/api/v1/auth/me").path("tenant.id");
    }

    private static ValidatableResponse login(String email, String password, String address) {
        return given().contentType("application/json").header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login").then();
    }

    private static String register() {
        String email = "throttle-" + UUID.randomUUID() + "@example.com";
        given().contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "fullName", "Grace", "tenantName", "Navy"))
                .when().post("/api/v1/auth/register").then().statusCode(201);
        return email;
    }
}

package io.srecopilot.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sign-ups and invitation acceptances hash a password for anyone who asks; they are capped per
 * client address (X-Forwarded-For, trusted in tests) and for everyone together, before any hashing,
 * and a refused call writes nothing.
 */
@QuarkusTest
@TestProfile(SignupThrottleTest.SmallCaps.class)
class SignupThrottleTest {

    private static final int PER_ADDRESS = 5;
    private static final int PER_MINUTE = 12;
    private static final String PASSWORD = "correct horse battery staple";

    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sre.auth.signup-throttle.max-per-address-per-hour", Integer.toString(PER_ADDRESS),
                    "sre.auth.signup-throttle.max-per-minute", Integer.toString(PER_MINUTE));
        }
    }

    @Test
    void oneAddressAndEveryoneTogetherAreCappedBeforeAnyHashingAndARefusalWritesNothing() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertEquals(201, register(newEmail(), "203.0.113.7").statusCode());
        }
        String refusedEmail = newEmail();
        Response refused = register(refusedEmail, "203.0.113.7");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("this address"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3_600, "Retry-After " + retryAfter);
        login(refusedEmail).then().statusCode(401);

        // Accepting an invitation counts alike: refused before its token is even looked at.
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.7")
                .body(Map.of("token", "no-such-invitation", "fullName", "Ada", "password", PASSWORD))
                .when().post("/api/v1/auth/invitations/accept").then().statusCode(429);
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.8")
                .body(Map.of("token", "no-such-invitation", "fullName", "Ada", "password", PASSWORD))
                .when().post("/api/v1/auth/invitations/accept").then().statusCode(404);

        // Others still get in, until everyone's minute is used up (the refused calls of the first did not count).
        int admitted = PER_ADDRESS + 1;
        int address = 1;
        while (admitted < PER_MINUTE) {
            assertEquals(201, register(newEmail(), "198.51.100." + address++).statusCode());
            admitted++;
        }
        register(newEmail(), "198.51.100." + address).then().statusCode(429)
                .body("detail", containsString("right now")).body("status", equalTo(429));
    }

    private static Response register(String email, String address) {
        return given().contentType("application/json").header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", PASSWORD, "fullName", "Grace", "tenantName", "Navy"))
                .when().post("/api/v1/auth/register");
    }

    private static Response login(String email) {
        return given().contentType("application/json").header("X-Forwarded-For", "203.0.113.9")
                .body(Map.of("email", email, "password", PASSWORD)).when().post("/api/v1/auth/login");
    }

    private static String newEmail() {
        return "signup-" + UUID.randomUUID() + "@example.com";
    }
}

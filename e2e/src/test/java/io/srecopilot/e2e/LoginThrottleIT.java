package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing a password at the sign-in form, end to end: after a few failures every further attempt
 * from that address must wait, twice as long after each failure, and while it waits even the right
 * password is refused (a guess teaches nothing). A forged X-Forwarded-For does not get the guesser a
 * fresh address (the stack trusts no proxy), and the guessing locks no one else out.
 */
@ExtendWith(RunningStack.class)
class LoginThrottleIT {

    private static final int FREE_ATTEMPTS = 5; // sre.auth.login-throttle.free-attempts

    @Test
    void guessingAPasswordIsSlowedDownWhileOthersSignInAsUsual(Stack stack) throws InterruptedException {
        Tenant victim = Tenant.register(stack, "Guessed");
        Tenant bystander = Tenant.register(stack, "Bystander");

        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertEquals(401, login(stack, victim.email, "wrong password " + i, null).statusCode());
        }
        Response waiting = login(stack, victim.email, "wrong password again", null);
        assertRefusedToWait(waiting);
        assertRefusedToWait(login(stack, victim.email, Tenant.PASSWORD, null));
        assertRefusedToWait(login(stack, victim.email, "another guess", "203.0.113." + (int) (Math.random() * 250)));
        assertEquals(200, login(stack, bystander.email, Tenant.PASSWORD, null).statusCode(), "others sign in");

        long firstWait = wait(waiting);
        Thread.sleep(firstWait * 1_000 + 200);
        assertEquals(401, login(stack, victim.email, "one more guess", null).statusCode());
        Response longer = login(stack, victim.email, Tenant.PASSWORD, null);
        assertRefusedToWait(longer);
        assertTrue(wait(longer) >= 2 * firstWait, "each failure doubles the wait: " + firstWait + " s, then "
                + wait(longer) + " s");

        Thread.sleep(wait(longer) * 1_000 + 200);
        assertEquals(200, login(stack, victim.email, Tenant.PASSWORD, null).statusCode(), "the owner, after the wait");
    }

    private static void assertRefusedToWait(Response answer) {
        assertEquals(429, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"));
        assertTrue(wait(answer) >= 1, "Retry-After: " + answer.header("Retry-After"));
    }

    private static long wait(Response answer) {
        return Long.parseLong(answer.header("Retry-After"));
    }

    private static Response login(Stack stack, String email, String password, String forwardedFor) {
        var request = given().baseUri(stack.url("auth")).contentType("application/json")
                .body(Map.of("email", email, "password", password));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.when().post("/api/v1/auth/login");
    }
}

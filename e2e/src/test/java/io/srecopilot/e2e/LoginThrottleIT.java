package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing passwords at the sign-in form, end to end through the UI image's nginx (the deployed
 * shape: every request reaches auth from the proxy's address, the client's own appended to
 * X-Forwarded-For). After a few failures every further attempt from the guesser's address must
 * wait, twice as long after each failure, and while it waits even the right password is refused; a
 * flood of failures on random accounts trips the guesser's hourly cap. A forged X-Forwarded-For buys
 * the guesser no fresh address, and none of it locks out anyone at another address; the audit trail
 * records the client's address, not the proxy's nor the forged one.
 */
@ExtendWith(RunningStack.class)
class LoginThrottleIT {

    private static final int FREE_ATTEMPTS = 5; // sre.auth.login-throttle.free-attempts
    private static final String GUESSER = "127.0.0.2";
    private static final String BYSTANDER = "127.0.0.3";
    private static final String FLOODER = "127.0.0.4";

    private static EdgeProxy proxy;

    @BeforeAll
    static void proxy(Stack stack) {
        proxy = stack.edgeProxy();
    }

    @Test
    void guessingAPasswordIsSlowedDownWhileOthersSignInAsUsual(Stack stack) throws InterruptedException {
        Tenant victim = Tenant.register(stack, "Guessed");
        Tenant bystander = Tenant.register(stack, "Bystander");

        for (int i = 0; i < FREE_ATTEMPTS; i++) {
            assertEquals(401, login(GUESSER, victim.email, "wrong password " + i, null).statusCode());
        }
        Response waiting = login(GUESSER, victim.email, "wrong password again", null);
        assertRefusedToWait(waiting);
        assertRefusedToWait(login(GUESSER, victim.email, Tenant.PASSWORD, null));
        assertRefusedToWait(login(GUESSER, victim.email, "another guess", forgedAddress()));
        assertEquals(200, login(BYSTANDER, victim.email, Tenant.PASSWORD, null).statusCode(),
                "the victim, from an address of their own");
        assertEquals(200, login(BYSTANDER, bystander.email, Tenant.PASSWORD, null).statusCode(), "others sign in");

        long firstWait = wait(waiting);
        Thread.sleep(firstWait * 1_000 + 200);
        assertEquals(401, login(GUESSER, victim.email, "one more guess", null).statusCode());
        Response longer = login(GUESSER, victim.email, Tenant.PASSWORD, null);
        assertRefusedToWait(longer);
        assertTrue(wait(longer) >= 2 * firstWait, "each failure doubles the wait: " + firstWait + " s, then "
                + wait(longer) + " s");

        Thread.sleep(wait(longer) * 1_000 + 200);
        assertEquals(200, login(GUESSER, victim.email, Tenant.PASSWORD, null).statusCode(), "the owner, after the wait");
    }

    @Test
    void aFloodFromOneAddressWithForgedHeadersLocksOutNoOneElse(Stack stack) {
        Tenant bystander = Tenant.register(stack, "Flood Bystander");
        int refused = 0;
        for (int i = 0; i < Stack.IP_FAILURES_PER_HOUR + 5; i++) {
            String email = "nobody-" + UUID.randomUUID() + "@example.com";
            int status = login(FLOODER, email, "a guess", forgedAddress()).statusCode();
            assertTrue(status == 401 || status == 429, "status " + status);
            refused += status == 429 ? 1 : 0;
        }
        assertTrue(refused >= 5, "the guesser's own address reached its hourly cap: " + refused + " refused");
        assertEquals(429, login(FLOODER, bystander.email, Tenant.PASSWORD, forgedAddress()).statusCode(),
                "a forged header does not make the guesser someone else");
        assertEquals(200, login(BYSTANDER, bystander.email, Tenant.PASSWORD, forgedAddress()).statusCode(),
                "a client at another address signs in");
    }

    @Test
    void theAuditTrailRecordsTheClientsAddressBehindTheProxy(Stack stack) {
        Tenant team = Tenant.register(stack, "Proxied Audit");
        String path = "/api/v1/incidents/" + UUID.randomUUID();
        from(BYSTANDER).auth().oauth2(team.token).header("X-Forwarded-For", "198.51.100.66")
                .when().get(path).then().statusCode(404);

        List<String> addresses = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().baseUri(stack.url("audit")).auth().oauth2(team.token)
                        .queryParam("action", "http.request").when().get("/api/v1/audit").then().statusCode(200)
                        .extract().jsonPath().getList("items.findAll { it.data.path == '" + path + "' }.data.ip",
                                String.class), found -> !found.isEmpty());
        assertEquals(List.of(BYSTANDER), addresses);
    }

    private static String forgedAddress() {
        return "203.0.113." + (int) (Math.random() * 250);
    }

    private static void assertRefusedToWait(Response answer) {
        assertEquals(429, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"));
        assertTrue(wait(answer) >= 1, "Retry-After: " + answer.header("Retry-After"));
    }

    private static long wait(Response answer) {
        return Long.parseLong(answer.header("Retry-After"));
    }

    private static Response login(String clientAddress, String email, String password, String forwardedFor) {
        RequestSpecification request = from(clientAddress).contentType("application/json")
                .body(Map.of("email", email, "password", password));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.when().post("/api/v1/auth/login");
    }

    /** A request to the proxy from one of this machine's loopback addresses (all of 127/8 is this machine). */
    private static RequestSpecification from(String clientAddress) {
        try {
            InetAddress local = InetAddress.getByName(clientAddress);
            return given().baseUri(proxy.url()).config(RestAssuredConfig.config().httpClient(
                    HttpClientConfig.httpClientConfig().setParam("http.route.local-address", local)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

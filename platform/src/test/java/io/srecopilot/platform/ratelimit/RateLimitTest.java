package io.srecopilot.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.PrivateRedisResource;
import io.srecopilot.platform.testing.TestCaller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-tenant budget: 20 requests in a burst, refilled at 2 per second (test settings). */
@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class RateLimitTest {

    @Test
    void aTenantThatSpendsItsBudgetGets429WithRetryAfterWhileOthersCarryOn() throws InterruptedException {
        TestCaller busy = TestCaller.newTenant(Role.VIEWER);
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 40; i++) {
            Response response = given().auth().oauth2(busy.token()).when().get("/probe/caller");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && refused == null) {
                refused = response;
            }
        }
        assertTrue(statuses.subList(0, 20).stream().allMatch(status -> status == 200), statuses.toString());
        assertTrue(refused != null, "requests beyond the burst are refused: " + statuses);
        refused.then().contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:sre-copilot:problem:rate-limited"));

        // The bucket is the tenant's, whoever calls: another role of the same tenant is refused too
        // (a few calls, as the bucket refills two tokens a second meanwhile).
        List<Integer> sameTenant = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameTenant.add(given().auth().oauth2(busy.withRole(Role.OWNER).token()).when().get("/probe/caller")
                    .statusCode());
        }
        assertTrue(sameTenant.stream().filter(status -> status == 429).count() >= 3, sameTenant.toString());
        given().auth().oauth2(TestCaller.newTenant(Role.VIEWER).token()).when().get("/probe/caller").then().statusCode(200);
        given().auth().oauth2(busy.token()).when().get("/api/v1/ingest/probe").then().statusCode(200);

        Thread.sleep(1_000);
        assertEquals(200, given().auth().oauth2(busy.token()).when().get("/probe/caller").statusCode());
    }

    @Test
    void anonymousCallsAreLeftToAuthentication() {
        for (int i = 0; i < 25; i++) {
            given().when().get("/probe/caller").then().statusCode(401);
        }
    }
}

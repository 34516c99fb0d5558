package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters, search, sort and cursor pagination of the incident list. */
@QuarkusTest
class IncidentListTest {

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    @Test
    void filtersCombineAndEachNarrowsTheList() {
        api.declare(Map.of("title", "Checkout latency", "severity", "high", "service", "checkout",
                "labels", Map.of("env", "prod", "team", "payments")));
        String search = api.declare(Map.of("title", "Search 100% errors", "severity", "critical", "service", "search",
                "description", "index_v2 corrupt", "labels", Map.of("env", "prod")));
        String staging = api.declare(Map.of("title", "Checkout errors in staging", "severity", "low", "service", "checkout",
                "labels", Map.of("env", "staging")));
        api.transition(staging, "ACKNOWLEDGED").statusCode(200);

        api.list("?service=checkout").body("items.title", containsInAnyOrder("Checkout latency", "Checkout errors in staging"));
        api.list("?severity=critical,high").body("items.service", containsInAnyOrder("checkout", "search"));
        api.list("?severity=low&severity=critical").body("items.size()", equalTo(2));
        api.list("?state=ACKNOWLEDGED").body("items.title", equalTo(List.of("Checkout errors in staging")));
        api.list("?state=detected").body("items.size()", equalTo(2));
        api.list("?label=env:prod").body("items.size()", equalTo(2));
        api.list("?label=env:prod&label=team:payments").body("items.title", equalTo(List.of("Checkout latency")));
        api.list("?q=ERRORS").body("items.size()", equalTo(2));
        given().auth().oauth2(engineer.token()).queryParam("q", "100%").when().get("/api/v1/incidents").then()
                .body("items.title", equalTo(List.of("Search 100% errors")));
        given().auth().oauth2(engineer.token()).queryParam("q", "_").when().get("/api/v1/incidents").then()
                .body("items.id", equalTo(List.of(search)));
        api.list("?q=index_v2").body("items.id", equalTo(List.of(search)));
        api.list("?q=inc-2").body("items.id", equalTo(List.of(search)));
        api.list("?service=checkout&label=env:prod&state=DETECTED").body("items.title", equalTo(List.of("Checkout latency")));
        api.list("?from=" + Instant.now().plusSeconds(60)).body("items.size()", equalTo(0));
        api.list("?to=" + Instant.now().plusSeconds(60)).body("items.size()", equalTo(3));
    }

    @Test
    void pagesFollowTheChosenOrderWithoutSkippingOrRepeating() {
        List<String> declared = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            declared.add(api.declare("Incident " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.list("?sort=detectedAt&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200);
            seen.addAll(page.extract().path("items.id"));
            cursor = page.extract().path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(declared, seen);

        api.transition(declared.get(0), "ACKNOWLEDGED").statusCode(200);
        api.list("?sort=-updatedAt&limit=1").body("items[0].id", equalTo(declared.get(0)))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        api.list("?limit=5").body("nextCursor", nullValue()).body("items[0].id", equalTo(declared.get(4)));
    }

    @Test
    void badParametersAreNamed() {
        api.list("?state=SOLVED&severity=apocalyptic&sort=title&label=env&from=yesterday").statusCode(400)
                .body("errors.field", containsInAnyOrder("state", "severity", "sort", "label", "from"));
        api.list("?cursor=nonsense").statusCode(400).body("errors[0].field", equalTo("cursor"));
        api.list("?limit=0").statusCode(400);
    }
}

package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deploys and other changes: recorded once, announced once, listed and filtered per project. */
@QuarkusTest
class ChangesTest {

    private static final String CHANGES = "/api/v1/ingest/changes";

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void aChangeIsRecordedOnceHoweverOftenItIsReportedAndAnnounced() {
        Map<String, Object> deploy = deploy("checkout", "1.4.2", "2026-11-23T08:00:00Z");
        String id = report(deploy).statusCode(201).header("Location", endsWith(CHANGES + "/" + idOf(deploy)))
                .body("type", equalTo("deploy")).body("commit", equalTo("3f2a9c1d"))
                .body("deployedAt", equalTo("2026-11-23T08:00:00Z")).body("recordedAt", notNullValue())
                .extract().path("id");
        report(deploy).statusCode(200).body("id", equalTo(id));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TestStream.published(engineer.tenantId().toString(), "change.recorded").isEmpty());
        List<EventEnvelope> recorded = TestStream.published(engineer.tenantId().toString(), "change.recorded");
        assertEquals(1, recorded.size());
        assertEquals("checkout", recorded.get(0).data().get("service").asText());
        assertEquals(id, recorded.get(0).resource().id());
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).when().get(CHANGES + "/" + id).then()
                .statusCode(200).body("version", equalTo("1.4.2"));
    }

    @Test
    void aPipelineIdMakesARetriedReportTheSameChange() {
        Map<String, Object> first = deploy("search", "2.0.0", null);
        first.put("externalId", "github-actions/run/991");
        String id = report(first).statusCode(201).extract().path("id");
        report(first).statusCode(200).body("id", equalTo(id));
    }

    @Test
    void changesAreListedNewestFirstAndFiltered() {
        report(deploy("checkout", "1.0.0", "2026-11-23T07:00:00Z")).statusCode(201);
        report(deploy("checkout", "1.0.1", "2026-11-23T09:00:00Z")).statusCode(201);
        Map<String, Object> flag = deploy("search", null, "2026-11-23T08:00:00Z");
        flag.put("type", "feature_flag");
        report(flag).statusCode(201);

        list(Map.of()).body("items.deployedAt", equalTo(List.of("2026-11-23T09:00:00Z", "2026-11-23T08:00:00Z",
                "2026-11-23T07:00:00Z")));
        list(Map.of("service", "checkout")).body("items.version", equalTo(List.of("1.0.1", "1.0.0")));
        list(Map.of("type", "feature_flag")).body("items.service", equalTo(List.of("search")));
        list(Map.of("from", "2026-11-23T07:30:00Z", "to", "2026-11-23T09:00:00Z"))
                .body("items.deployedAt", equalTo(List.of("2026-11-23T08:00:00Z")));
        String next = list(Map.of("limit", "2")).body("items", hasSize(2)).extract().path("nextCursor");
        list(Map.of("limit", "2", "cursor", next)).body("items", hasSize(1)).body("nextCursor", nullValue());
        list(Map.of("from", "yesterday")).statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestCaller.newTenant(Role.OWNER).token()).when().get(CHANGES).then()
                .body("items", hasSize(0));
    }

    @Test
    void invalidReportsNameTheirFaultsAndOnlyWritersReport() {
        Map<String, Object> invalid = deploy(" ", "1", null);
        invalid.put("commit", "not-a-sha");
        invalid.put("url", "javascript:alert(1)");
        invalid.put("type", "reboot");
        report(invalid).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("commit", "service", "type", "url")));
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).contentType("application/json")
                .body(deploy("a", "1", null)).when().post(CHANGES).then().statusCode(403);
        given().contentType("application/json").body(deploy("a", "1", null)).when().post(CHANGES).then()
                .statusCode(401);
        String id = report(deploy("mine", "1", null)).statusCode(201).extract().path("id");
        given().auth().oauth2(engineer.inAnotherProject().token()).when().get(CHANGES + "/" + id).then()
                .statusCode(404);
        list(Map.of()).body("items.service", equalTo(List.of("mine")));
    }

    private ValidatableResponse report(Map<String, Object> change) {
        return given().auth().oauth2(engineer.token()).contentType("application/json").body(change)
                .when().post(CHANGES).then();
    }

    private ValidatableResponse list(Map<String, String> query) {
        return given().auth().oauth2(engineer.token()).queryParams(query).when().get(CHANGES).then();
    }

    private String idOf(Map<String, Object> change) {
        return list(Map.of()).extract().path("items.find { it.version == '" + change.get("version") + "' }.id");
    }

    private static Map<String, Object> deploy(String service, String version, String deployedAt) {
        Map<String, Object> change = new HashMap<>();
        change.put("service", service);
        change.put("version", version);
        change.put("commit", "3F2A9C1D");
        change.put("author", "ana@example.com");
        change.put("description", "Faster checkout");
        change.put("url", "https://ci.example.com/run/1");
        change.put("environment", "production");
        change.put("deployedAt", deployedAt);
        return change;
    }
}

package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Postmortems gate LEARNED; comments go on the timeline. */
@QuarkusTest
class PostmortemTest {

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
    private final IncidentsApi api = new IncidentsApi(engineer);

    @Test
    void learnedNeedsAPostmortemWithImpactAndRootCause() {
        String id = api.declare("Checkout down");
        api.walk(id, List.of("ACKNOWLEDGED", "RESOLVED"));
        api.transition(id, "LEARNED").statusCode(409).body("detail", containsString("postmortem is written"));

        write(id, Map.of("summary", "Checkout returned 500s for 20 minutes")).statusCode(200)
                .header("ETag", "\"0\"")
                .body("missingForLearned", equalTo(List.of("impact", "root cause")));
        api.transition(id, "LEARNED").statusCode(409).body("detail", containsString("impact and root cause"));

        write(id, fullPostmortem()).statusCode(200)
                .body("reference", equalTo("INC-1"))
                .body("missingForLearned", empty())
                .body("confirmedHypothesis.claim", equalTo("Connection pool exhausted after deploy 1.4.2"))
                .body("actionItems[0].id", notNullValue())
                .body("actionItems[0].status", equalTo("open"))
                .body("actionItems[1].dueDate", equalTo("2026-12-01"));
        api.transition(id, "LEARNED").statusCode(200).body("state", equalTo("LEARNED"))
                .body("allowedTransitions", empty());

        await().atMost(IncidentsServiceTest.WAIT).until(() -> TestStream.published(tenant(), "incident.transitioned")
                .stream().anyMatch(event -> "LEARNED".equals(event.data().path("to").asText())));
        EventEnvelope learned = TestStream.published(tenant(), "incident.transitioned").stream()
                .filter(event -> "LEARNED".equals(event.data().path("to").asText())).findFirst().orElseThrow();
        JsonNode postmortem = learned.data().get("postmortem");
        assertEquals("Connection pool exhausted", postmortem.get("rootCause").asText());
        assertEquals(2, postmortem.get("actionItems").size());
        api.timeline(id).body("items.kind", hasItem("postmortem"));
    }

    @Test
    void aPostmortemIsGuardedByItsVersionAndValidated() {
        String id = api.declare("Queue stuck");
        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents/" + id + "/postmortem").then()
                .statusCode(404);
        write(id, Map.of("summary", "First draft")).statusCode(200);
        given().auth().oauth2(engineer.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("summary", "Second draft")).when().put("/api/v1/incidents/" + id + "/postmortem")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(engineer.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("summary", "Stale draft")).when().put("/api/v1/incidents/" + id + "/postmortem")
                .then().statusCode(412);
        write(id, Map.of("summary", " ", "actionItems", List.of(Map.of("description", "x", "status", "someday"))))
                .statusCode(400).body("errors.field", hasItem("summary"))
                .body("errors.field", hasItem("actionItems[0].status"));
        given().auth().oauth2(engineer.token()).when().get("/api/v1/incidents/" + id + "/postmortem").then()
                .statusCode(200).body("summary", equalTo("Second draft"));
    }

    @Test
    void aPostmortemExportsAsMarkdown() {
        String id = api.declare("Checkout down");
        api.walk(id, List.of("ACKNOWLEDGED", "RESOLVED"));
        write(id, fullPostmortem()).statusCode(200);
        String markdown = given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).accept("text/markdown")
                .when().get("/api/v1/incidents/" + id + "/postmortem/markdown").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(markdown, containsString("# INC-1 postmortem: Checkout down"));
        org.hamcrest.MatcherAssert.assertThat(markdown, containsString("## Root cause\n\nConnection pool exhausted"));
        org.hamcrest.MatcherAssert.assertThat(markdown,
                containsString("| Raise pool size \\| add alert | alice | 2026-12-01 | in_progress |"));
        org.hamcrest.MatcherAssert.assertThat(markdown, containsString("- Deploy without canary"));
        org.hamcrest.MatcherAssert.assertThat(markdown, containsString("moving to RESOLVED"));
    }

    @Test
    void commentsAreMarkdownOnTheTimelineAndAnnounced() {
        String id = api.declare("Slow search");
        given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("body", "Rolled back **1.4.2**, watching `p99`")).when()
                .post("/api/v1/incidents/" + id + "/comments").then().statusCode(201)
                .body("kind", equalTo("comment")).body("data.format", equalTo("markdown"));
        given().auth().oauth2(engineer.token()).contentType("application/json").body(Map.of("body", " "))
                .when().post("/api/v1/incidents/" + id + "/comments").then().statusCode(400);
        given().auth().oauth2(engineer.withRole(Role.VIEWER).token()).contentType("application/json")
                .body(Map.of("body", "hi")).when().post("/api/v1/incidents/" + id + "/comments").then().statusCode(403);
        api.timeline(id).body("items.kind", equalTo(List.of("created", "comment")))
                .body("items[1].message", equalTo("Rolled back **1.4.2**, watching `p99`"))
                .body("items[1].actor.id", equalTo(engineer.userId().toString()));
        await().atMost(IncidentsServiceTest.WAIT).until(() -> TestStream.published(tenant(), "incident.commented").size() == 1);
        assertEquals("Rolled back **1.4.2**, watching `p99`", TestStream.published(tenant(), "incident.commented").get(0)
                .data().path("comment").path("body").asText());
    }

    private ValidatableResponse write(String id, Object body) {
        return given().auth().oauth2(engineer.token()).contentType("application/json").body(body)
                .when().put("/api/v1/incidents/" + id + "/postmortem").then();
    }

    private static Map<String, Object> fullPostmortem() {
        return Map.of(
                "summary", "Checkout returned 500s for 20 minutes",
                "impact", "12% of orders failed",
                "rootCause", "Connection pool exhausted",
                "confirmedHypothesis", Map.of("claim", "Connection pool exhausted after deploy 1.4.2"),
                "contributingFactors", List.of("Deploy without canary", "No pool saturation alert"),
                "actionItems", List.of(
                        Map.of("description", "Add canary stage"),
                        Map.of("description", "Raise pool size | add alert", "owner", "alice", "dueDate", "2026-12-01",
                                "status", "in_progress")));
    }

    private String tenant() {
        return engineer.tenantId().toString();
    }
}

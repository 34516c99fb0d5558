package io.srecopilot.ai.llm;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ai.AnnouncedIncidents.analysis;
import static io.srecopilot.ai.AnnouncedIncidents.analysisPath;
import static io.srecopilot.ai.AnnouncedIncidents.announceAndWait;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The LLM's part of an analysis against a local stand-in for Azure OpenAI: what is sent, how its
 * proposals are checked and scored, and every way it can fail, cost too much or be asked twice.
 */
@QuarkusTest
@QuarkusTestResource(AzureOpenAiStub.class)
class LlmCandidatesTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "sre.test.azure-openai-stub")
    String stub;

    @Inject
    RedisDataSource redis;

    private final TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);

    @Test
    void proposalsCitingKnownEvidenceAreScoredLikeTheReasonersAndInventedOnesAreDropped() {
        UUID incidentId = announceAndWait(engineer, "[llm:propose] Checkout is slow");
        JsonPath analysis = analysis(engineer, incidentId);

        assertEquals("llm+deterministic", analysis.getString("reasoner"));
        Map<String, Object> proposed = analysis.getMap("hypotheses.find { it.proposedBy == 'llm' }");
        assertEquals("The connection pool of checkout is exhausted", proposed.get("claim"));
        assertEquals("saturation", proposed.get("category"));
        assertEquals(List.of("signal_strength", "temporal_correlation", "precedent_frequency", "evidence_quality",
                "human_validation"), analysis.getList("hypotheses.find { it.proposedBy == 'llm' }.confidenceBreakdown.name"));
        assertTrue(analysis.getList("hypotheses.claim").stream().noneMatch(claim -> claim.toString().contains("neighbour")));
        assertEquals("completed", step(analysis, "llm").get("status"));
        assertTrue(step(analysis, "reasoning").get("detail").toString().contains("metric:ghost:cpu_steal"));

        JsonNode sent = requests("propose").get(0);
        assertEquals("/openai/deployments/" + AzureOpenAiStub.DEPLOYMENT + "/chat/completions", sent.path("path").asText());
        assertEquals("api-version=2024-10-21", sent.path("query").asText());
        assertEquals(AzureOpenAiStub.KEY, sent.path("apiKey").asText());
        assertEquals("json_object", sent.path("body").path("response_format").path("type").asText());
        assertEquals(1000, sent.path("body").path("max_tokens").asInt());
        assertEquals(List.of("system", "user"), StreamSupport.stream(sent.path("body").path("messages").spliterator(), false)
                .map(message -> message.path("role").asText()).toList());
    }

    @Test
    void theSameContextIsAnsweredFromTheCacheWithoutAskingAgain() {
        UUID incidentId = announceAndWait(engineer, "[llm:propose] Checkout is slow again");
        int asked = requests("propose").size();
        JsonPath first = analysis(engineer, incidentId);

        given().auth().oauth2(engineer.token()).when().post(analysisPath(incidentId)).then().statusCode(202);
        JsonPath again = analysis(engineer, incidentId);

        assertEquals(asked, requests("propose").size());
        assertEquals("cached", step(again, "llm").get("status"));
        assertEquals(first.getList("hypotheses.confidence"), again.getList("hypotheses.confidence"));
        assertEquals(first.getList("hypotheses.claim"), again.getList("hypotheses.claim"));
    }

    @Test
    void serverErrorsAreTriedAgainAndThenLeftToTheDeterministicReasoner() {
        UUID flaky = announceAndWait(engineer, "[llm:flaky] Checkout errors");
        assertEquals("completed", step(analysis(engineer, flaky), "llm").get("status"));
        assertEquals(2, requests("flaky").size());

        UUID down = announceAndWait(engineer, "[llm:500] Checkout errors");
        JsonPath analysis = analysis(engineer, down);
        assertEquals(4, requests("500").size(), "twice by langchain4j, twice more by the gateway");
        assertEquals("fallback", step(analysis, "llm").get("status"));
        assertTrue(step(analysis, "llm").get("detail").toString().contains("server_error"));
        assertEquals("deterministic", analysis.getString("reasoner"));
        assertTrue(analysis.getList("hypotheses").size() >= 1);
    }

    @Test
    void slowMalformedAndCutOffAnswersFallBackAndSaySo() {
        Map<String, String> expected = Map.of("slow", "timeout", "malformed", "not the JSON asked for",
                "length", "cut off at the token limit");
        expected.forEach((marker, said) -> {
            JsonPath analysis = analysis(engineer, announceAndWait(engineer, "[llm:" + marker + "] Checkout"));
            assertEquals("fallback", step(analysis, "llm").get("status"), marker);
            assertTrue(step(analysis, "llm").get("detail").toString().contains(said), marker + ": " + step(analysis, "llm"));
            assertEquals("completed", analysis.getString("status"));
        });
        JsonPath usage = usage(engineer.withRole(Role.ADMIN));
        assertEquals(3, usage.getInt("byModel[0].failures"));
    }

    @Test
    void aSpentBudgetIsAnnouncedAtEightyAndOneHundredPercentAndStopsTheLlm() {
        TestCaller owner = engineer.withRole(Role.OWNER);
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("monthlyUsd", 1))
                .when().put("/api/v1/ai/usage/budget").then().statusCode(200).body("budgetUsd", equalTo(1.0f));
        announceAndWait(engineer, "[llm:costly] Checkout errors");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestStream.published(engineer.tenantId().toString(),
                "llm.budget.reached").size() == 2);
        assertEquals(List.of(80, 100), TestStream.published(engineer.tenantId().toString(), "llm.budget.reached")
                .stream().map(EventEnvelope::data).map(data -> data.get("threshold").asInt()).sorted().toList());
        given().when().get("/q/metrics").then().body(containsString("sre_llm_budget_reached_total{threshold=\"100\"}"));

        int asked = requests("costly").size();
        JsonPath capped = analysis(engineer, announceAndWait(engineer, "[llm:costly] Checkout errors twice"));
        assertEquals("over_budget", step(capped, "llm").get("status"));
        assertEquals(asked, requests("costly").size());
        assertEquals(true, usage(owner).getBoolean("budget.exhausted"));
    }

    @Test
    void operatorsSwitchTheLlmOffForEveryoneWithoutARestart() {
        redis.value(String.class).set(LlmSwitch.KEY, "provider incident");
        try {
            JsonPath analysis = analysis(engineer, announceAndWait(engineer, "[llm:propose] Checkout while off"));
            assertEquals("skipped", step(analysis, "llm").get("status"));
            assertEquals("the LLM is switched off for all tenants: provider incident", step(analysis, "llm").get("detail"));
        } finally {
            redis.key().del(LlmSwitch.KEY);
        }
        JsonPath on = analysis(engineer, announceAndWait(engineer, "[llm:propose] Checkout when on again"));
        assertEquals("completed", step(on, "llm").get("status"));
    }

    @Test
    void concurrentTriggersForOneIncidentRunOnce() throws Exception {
        UUID incidentId = announceAndWait(engineer, "[llm:slow] Checkout hangs");
        int asked = requests("slow").size();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().auth().oauth2(engineer.token())
                .when().post(analysisPath(incidentId)).then().extract().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> requests("slow").size() > asked);
        given().auth().oauth2(engineer.token()).when().post(analysisPath(incidentId)).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(202, first.get());
    }

    @Test
    void usageIsForAdminsOfTheProjectAndTheTenantsOwnersAndTheBudgetForOwners() {
        TestCaller admin = engineer.withRole(Role.ADMIN);
        announceAndWait(engineer, "Checkout errors without a marker");
        given().when().get("/api/v1/ai/usage").then().statusCode(401);
        given().auth().oauth2(engineer.token()).when().get("/api/v1/ai/usage").then().statusCode(403);
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("monthlyUsd", 5))
                .when().put("/api/v1/ai/usage/budget").then().statusCode(403);
        given().auth().oauth2(engineer.withRole(Role.OWNER).token()).contentType("application/json")
                .body(Map.of("monthlyUsd", -1)).when().put("/api/v1/ai/usage/budget").then().statusCode(400)
                .body("errors[0].field", equalTo("monthlyUsd"));
        given().auth().oauth2(admin.token()).when().get("/api/v1/ai/usage?from=yesterday").then().statusCode(400);

        JsonPath mine = usage(admin);
        assertEquals("project", mine.getString("scope"));
        assertEquals(List.of(engineer.projectId().toString()), mine.getList("byProject.key"));
        assertEquals(List.of(AzureOpenAiStub.DEPLOYMENT), mine.getList("byModel.key"));
        assertTrue(mine.getInt("byDay[0].requests") >= 1);
        assertEquals("tenant", usage(engineer.withRole(Role.OWNER)).getString("scope"));
        assertEquals(0, usage(TestCaller.newTenant(Role.OWNER)).getList("byDay").size());
    }

    private static JsonPath usage(TestCaller caller) {
        return given().auth().oauth2(caller.token()).when().get("/api/v1/ai/usage").then().statusCode(200).extract()
                .jsonPath();
    }

    private static Map<String, Object> step(JsonPath analysis, String name) {
        return analysis.getMap("steps.find { it.name == '" + name + "' }");
    }

    private List<JsonNode> requests(String marker) {
        try {
            JsonNode all = mapper.readTree(given().baseUri(stub).when().get("/__requests").asString());
            return StreamSupport.stream(all.spliterator(), false)
                    .filter(request -> marker.equals(request.path("marker").asText())).toList();
        } catch (Exception e) {
            throw new IllegalStateException("The stub's requests could not be read", e);
        }
    }
}

package io.srecopilot.ai;

import static io.restassured.RestAssured.given;
import static io.srecopilot.ai.AnnouncedIncidents.analysis;
import static io.srecopilot.ai.AnnouncedIncidents.announceAndWait;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A project's admins weigh the confidence factors their way; analyses of that project follow. */
@QuarkusTest
class ScoringWeightsTest {

    private static final String PATH = "/api/v1/ai/scoring-weights";
    private static final Map<String, Double> SIGNALS_FIRST = Map.of("signalStrength", 0.4, "temporalCorrelation", 0.2,
            "precedentFrequency", 0.1, "evidenceQuality", 0.2, "humanValidation", 0.1);

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Test
    void setWeightsAreUsedByTheNextAnalysisOfTheProjectOnly() {
        given().auth().oauth2(admin.token()).when().get(PATH).then().statusCode(200)
                .body("custom", equalTo(false)).body("signalStrength", equalTo(0.25f));
        given().auth().oauth2(admin.token()).contentType("application/json").body(SIGNALS_FIRST).when().put(PATH)
                .then().statusCode(200).body("custom", equalTo(true)).body("signalStrength", equalTo(0.4f));

        List<Float> weights = analysis(admin, announceAndWait(admin, "Checkout errors"))
                .getList("hypotheses[0].confidenceBreakdown.weight", Float.class);
        assertEquals(List.of(0.4f, 0.2f, 0.1f, 0.2f, 0.1f), weights);

        TestCaller neighbour = admin.inAnotherProject();
        given().auth().oauth2(neighbour.token()).when().get(PATH).then().body("custom", equalTo(false));
    }

    @Test
    void onlyAdminsSetThemAndOnlyWeightsThatAddUpToOne() {
        given().when().get(PATH).then().statusCode(401);
        given().auth().oauth2(admin.withRole(Role.ENGINEER).token()).contentType("application/json").body(SIGNALS_FIRST)
                .when().put(PATH).then().statusCode(403);
        Map<String, Double> tooMuch = new java.util.HashMap<>(SIGNALS_FIRST);
        tooMuch.put("humanValidation", 0.6);
        given().auth().oauth2(admin.token()).contentType("application/json").body(tooMuch).when().put(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("weights"));
        tooMuch.put("humanValidation", 1.5);
        given().auth().oauth2(admin.token()).contentType("application/json").body(tooMuch).when().put(PATH)
                .then().statusCode(400).body("errors[0].field", equalTo("humanValidation"));
        given().auth().oauth2(admin.token()).when().get(PATH).then().body("custom", equalTo(false));
    }
}

package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.testing.TestCaller;
import java.util.List;
import java.util.Map;

/** The incidents API as the tests call it, on behalf of one caller. */
final class IncidentsApi {

    private final TestCaller caller;

    IncidentsApi(TestCaller caller) {
        this.caller = caller;
    }

    /** Declares an incident (high, on checkout) and answers its id. */
    String declare(String title) {
        return declare(Map.of("title", title, "severity", "high", "service", "checkout"));
    }

    String declare(Map<String, Object> body) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(body)
                .when().post("/api/v1/incidents").then().statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .extract().path("id");
    }

    ValidatableResponse get(String id) {
        return given().auth().oauth2(caller.token()).when().get("/api/v1/incidents/" + id).then();
    }

    ValidatableResponse list(String query) {
        return given().auth().oauth2(caller.token()).when().get("/api/v1/incidents" + query).then();
    }

    ValidatableResponse transition(String id, String to) {
        return given().auth().oauth2(caller.token()).contentType("application/json")
                .body(Map.of("to", to, "reason", "moving to " + to))
                .when().post("/api/v1/incidents/" + id + "/transitions").then();
    }

    /** Walks the incident along {@code path}, each step expected to succeed. */
    void walk(String id, List<String> path) {
        path.forEach(state -> transition(id, state).statusCode(200));
    }

    ValidatableResponse patch(String id, Object body) {
        return given().auth().oauth2(caller.token()).contentType("application/merge-patch+json").body(body)
                .when().patch("/api/v1/incidents/" + id).then();
    }

    ValidatableResponse timeline(String id) {
        return given().auth().oauth2(caller.token()).when().get("/api/v1/incidents/" + id + "/timeline").then();
    }
}

package io.srecopilot.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.PrivateRedisResource;
import io.srecopilot.platform.testing.TestCaller;
import org.junit.jupiter.api.Test;

/** Every error is application/problem+json, precise about input and silent about internals. */
@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class ProblemMappersTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private final String engineer = TestCaller.newTenant(Role.ENGINEER).token();

    @Test
    void validationFailuresListEveryInvalidFieldByItsJsonPath() {
        given().auth().oauth2(engineer).contentType("application/json")
                .body("""
                        {"name": " ", "tags": ["a", "", "c", "d"], "parts": [{"label": "ok"}, {"label": ""}]}""")
                .when().post("/probe/things")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:validation"))
                .body("errors.field", containsInAnyOrder("name", "tags", "tags[1]", "parts[1].label"));
    }

    @Test
    void aMissingBodyIsAValidationProblem() {
        given().auth().oauth2(engineer).contentType("application/json")
                .when().post("/probe/things")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:validation"));
    }

    @Test
    void anInvalidQueryParameterIsNamed() {
        given().auth().oauth2(engineer).queryParam("limit", 500)
                .when().get("/probe/things")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(engineer).contentType("application/json").body("{\"name\": ")
                .when().post("/probe/things")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:malformed-body"));
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        given().auth().oauth2(engineer).contentType("application/json").body("{\"name\": \"x\", \"parts\": 7}")
                .when().post("/probe/things")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("parts"));
    }

    @Test
    void anUnsupportedMediaTypeIsA415Problem() {
        given().auth().oauth2(engineer).contentType("text/plain").body("name=x")
                .when().post("/probe/things")
                .then().statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:unsupported-media-type"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        given().auth().oauth2(engineer).when().get("/probe/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:not-found"));
        given().auth().oauth2(engineer).when().delete("/probe/things")
                .then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void aDomainNotFoundIsA404ProblemWithDetail() {
        given().auth().oauth2(engineer).when().get("/probe/missing")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No thing 42 in this project"));
    }

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNoInternals() {
        given().when().get("/probe/broken")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:internal"))
                .body("detail", containsString("reference"))
                .body("instance", notNullValue())
                .body(not(containsString("SELECT")))
                .body(not(containsString("IllegalStateException")));
    }
}

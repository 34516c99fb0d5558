package io.srecopilot.audit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import org.junit.jupiter.api.Test;

/** The System page's answer: each service as its readiness endpoint describes it, and the pipeline's lag. */
@QuarkusTest
@QuarkusTestResource(StubServices.class)
class SystemHealthTest {

    private final TestCaller viewer = TestCaller.newTenant(Role.VIEWER);

    @Test
    void everyServiceIsReportedAsItAnsweredAndTheWholeIsDegraded() {
        health(viewer).statusCode(200)
                .body("status", equalTo("DEGRADED"))
                .body("checkedAt", notNullValue())
                .body("services.name", contains("ai", "audit", "auth", "incidents", "ingest", "realtime"))
                .body("services.find { it.name == 'audit' }.status", equalTo("UP"))
                .body("services.find { it.name == 'audit' }.checks.name", hasItem(containsString("PostgreSQL")))
                .body("services.find { it.name == 'auth' }.status", equalTo("UP"))
                .body("services.find { it.name == 'auth' }.responseMillis", notNullValue())
                .body("services.find { it.name == 'incidents' }.status", equalTo("DOWN"))
                .body("services.find { it.name == 'incidents' }.checks.find { it.status == 'DOWN' }.name",
                        equalTo("Reactive PostgreSQL connections health check"))
                .body("services.find { it.name == 'ingest' }.status", equalTo("UNREACHABLE"))
                .body("services.find { it.name == 'ingest' }.error", equalTo("answered HTTP 500 without a health report"))
                .body("services.find { it.name == 'realtime' }.status", equalTo("UNREACHABLE"))
                .body("services.find { it.name == 'realtime' }.error", equalTo("no answer within the probe's timeout"))
                .body("services.find { it.name == 'ai' }.status", equalTo("UNREACHABLE"))
                .body("services.find { it.name == 'ai' }.error", notNullValue());
    }

    @Test
    void thePipelineShowsEachConsumerGroupsLagAndNoHostDetailsLeak() {
        health(viewer).statusCode(200)
                .body("pipelineError", nullValue())
                .body("pipeline.find { it.group == 'audit' }.pending", notNullValue())
                .body("pipeline.find { it.group == 'audit' }.readers", equalTo(1))
                .body(not(containsString(StubServices.HIDDEN_DATA)));
    }

    @Test
    void onlySignedInMembersMaySeeIt() {
        given().when().get("/api/v1/system/health").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not-a-token").when().get("/api/v1/system/health").then().statusCode(401);
    }

    private static ValidatableResponse health(TestCaller caller) {
        return given().auth().oauth2(caller.token()).when().get("/api/v1/system/health").then().log().ifValidationFails();
    }
}

package io.srecopilot.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.srecopilot.platform.testing.PrivateRedisResource;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Authentication, role checks and the caller context, as every service's endpoints see them. */
@QuarkusTest
@QuarkusTestResource(PrivateRedisResource.class)
class SecurityProblemsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aRequestWithoutTokenIsRefusedWithA401ProblemAndABearerChallenge() {
        given().when().get("/probe/caller")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:sre-copilot:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/probe/caller"));
    }

    @Test
    void expiredForeignSignedUnsignedMisdirectedAndIncompleteTokensAreRefusedWith401() {
        TestCaller caller = TestCaller.newTenant(Role.ADMIN);
        for (String token : new String[] { TestTokens.expired(caller), TestTokens.signedByStranger(caller),
                TestTokens.unsigned(caller), TestTokens.signedWith(caller, "iss", "someone-else"),
                TestTokens.signedWith(caller, "aud", "another-audience"), TestTokens.signedWith(caller, "tid", "not-a-uuid"),
                TestTokens.signedWithout(caller, "tid"), TestTokens.signedWithout(caller, "aud"), "not-a-jwt" }) {
            given().auth().oauth2(token).when().get("/probe/caller")
                    .then().statusCode(401).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void aRoleTooLowIsRefusedWithA403Problem() {
        TestCaller viewer = TestCaller.newTenant(Role.VIEWER);
        given().auth().oauth2(viewer.token()).contentType("application/json").body(validThing())
                .when().post("/probe/things")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:sre-copilot:problem:forbidden"));
        given().auth().oauth2(viewer.withRole(Role.ADMIN).token()).when().get("/probe/owner-only")
                .then().statusCode(403);
    }

    @Test
    void higherRolesPassTheChecksOfTheRolesTheyInclude() {
        TestCaller admin = TestCaller.newTenant(Role.ADMIN);
        given().auth().oauth2(admin.token()).contentType("application/json").body(validThing())
                .when().post("/probe/things").then().statusCode(200);
        given().auth().oauth2(admin.withRole(Role.OWNER).token()).when().get("/probe/owner-only")
                .then().statusCode(200);
    }

    @Test
    void theCallerContextCarriesTenantProjectRoleAndActorFromTheToken() {
        TestCaller engineer = TestCaller.newTenant(Role.ENGINEER);
        given().auth().oauth2(engineer.token()).when().get("/probe/caller")
                .then().statusCode(200)
                .body("tenantId", equalTo(engineer.tenantId().toString()))
                .body("projectId", equalTo(engineer.projectId().toString()))
                .body("role", equalTo("engineer"))
                .body("actor.type", equalTo("user"))
                .body("actor.id", equalTo(engineer.userId().toString()));
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsNeverServed() {
        given().when().get("/probe/unannotated").then().statusCode(401);
        given().auth().oauth2(TestCaller.newTenant(Role.OWNER).token()).when().get("/probe/unannotated")
                .then().statusCode(403).body(not(containsString("should never be served")));
    }

    private static String validThing() {
        return """
                {"name": "disk", "tags": ["a"], "parts": [{"label": "x"}]}""";
    }
}

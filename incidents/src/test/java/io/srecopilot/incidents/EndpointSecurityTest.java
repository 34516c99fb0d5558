package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of incidents: no token is 401, a role below the endpoint's is 403, and another
 * tenant's or project's incident is 404, whatever that caller's role.
 */
@QuarkusTest
class EndpointSecurityTest {

    private static final int ALLOWED = 0;
    private static final String POSTMORTEM = "{\"summary\": \"s\"}";
    private static final String CHANNEL = "{\"name\": \"guarded\", \"type\": \"webhook\", \"url\": \"https://example.com/h\"}";

    /** method, path ({id} is an incident of the owner's project), body, least role. */
    private record Endpoint(String method, String path, String body, Role least) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/incidents", null, Role.VIEWER),
            new Endpoint("POST", "/api/v1/incidents", "{\"title\": \"t\", \"severity\": \"low\"}", Role.ENGINEER),
            new Endpoint("GET", "/api/v1/incidents/{id}", null, Role.VIEWER),
            new Endpoint("PATCH", "/api/v1/incidents/{id}", "{\"title\": \"t2\"}", Role.ENGINEER),
            new Endpoint("POST", "/api/v1/incidents/{id}/transitions", "{\"to\": \"INVESTIGATING\"}", Role.ENGINEER),
            new Endpoint("GET", "/api/v1/incidents/{id}/timeline", null, Role.VIEWER),
            new Endpoint("GET", "/api/v1/incidents/{id}/signals", null, Role.VIEWER),
            new Endpoint("POST", "/api/v1/incidents/{id}/comments", "{\"body\": \"b\"}", Role.ENGINEER),
            new Endpoint("PUT", "/api/v1/incidents/{id}/postmortem", POSTMORTEM, Role.ENGINEER),
            new Endpoint("GET", "/api/v1/incidents/{id}/postmortem", null, Role.VIEWER),
            new Endpoint("GET", "/api/v1/incidents/{id}/postmortem/markdown", null, Role.VIEWER),
            new Endpoint("GET", "/api/v1/incidents/settings", null, Role.VIEWER),
            new Endpoint("GET", "/api/v1/incidents/stats", null, Role.VIEWER),
            new Endpoint("PUT", "/api/v1/incidents/settings", "{\"correlationWindowSeconds\": 600, \"autoResolve\": true}",
                    Role.ADMIN),
            new Endpoint("GET", "/api/v1/notification-channels", null, Role.ADMIN),
            new Endpoint("POST", "/api/v1/notification-channels", CHANNEL.replace("guarded", "another"), Role.ADMIN),
            new Endpoint("GET", "/api/v1/notification-channels/{channel}", null, Role.ADMIN),
            new Endpoint("PUT", "/api/v1/notification-channels/{channel}", CHANNEL, Role.ADMIN),
            new Endpoint("POST", "/api/v1/notification-channels/{channel}/test", null, Role.ADMIN),
            new Endpoint("GET", "/api/v1/notification-channels/{channel}/deliveries", null, Role.ADMIN),
            new Endpoint("DELETE", "/api/v1/notification-channels/{channel}", null, Role.ADMIN));

    private final TestCaller owner = TestCaller.newTenant(Role.OWNER);

    @Test
    void everyEndpointAnswers401WithoutAToken403BelowItsRoleAndNeverShowsAnotherProjectsIncident() {
        String id = new IncidentsApi(owner).declare("Guarded");
        given().auth().oauth2(owner.token()).contentType("application/json").body(POSTMORTEM)
                .when().put("/api/v1/incidents/" + id + "/postmortem").then().statusCode(200);
        String channel = newChannel("guarded");
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            String path = endpoint.path().replace("{id}", id).replace("{channel}", channel);
            expect(wrong, endpoint, "no token", call(given(), endpoint, path), 401);
            for (Role role : Role.values()) {
                int expected = role.compareTo(endpoint.least()) >= 0 ? ALLOWED : 403;
                // A delete that succeeds leaves nothing for the next role: each gets its own channel.
                String target = endpoint.method().equals("DELETE") && expected == ALLOWED
                        ? endpoint.path().replace("{channel}", newChannel("doomed-" + role)) : path;
                expect(wrong, endpoint, role.name(), call(as(owner.withRole(role)), endpoint, target), expected);
            }
            if (endpoint.path().contains("{")) {
                for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), owner.inAnotherProject())) {
                    expect(wrong, endpoint, "stranger", call(as(stranger), endpoint, path), 404);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private String newChannel(String name) {
        return given().auth().oauth2(owner.token()).contentType("application/json")
                .body(CHANNEL.replace("guarded", name)).when().post("/api/v1/notification-channels").then()
                .statusCode(201).extract().path("id");
    }

    private static void expect(List<String> wrong, Endpoint endpoint, String who, int status, int expected) {
        // Allowed callers pass security; what follows may still refuse the call (a repeated
        // transition is a 409), but never as 401, 403 or 404, and never with a 5xx.
        boolean ok = expected == ALLOWED ? status < 500 && status != 401 && status != 403 && status != 404
                : status == expected;
        if (!ok) {
            wrong.add(endpoint.method() + " " + endpoint.path() + " as " + who + ": " + status + " (expected "
                    + (expected == ALLOWED ? "allowed" : expected) + ")");
        }
    }

    private static RequestSpecification as(TestCaller caller) {
        return given().auth().oauth2(caller.token());
    }

    private static int call(RequestSpecification request, Endpoint endpoint, String path) {
        if (endpoint.body() != null) {
            request = request.contentType("application/json").body(endpoint.body());
        }
        return request.when().request(endpoint.method(), path).then().extract().statusCode();
    }

}

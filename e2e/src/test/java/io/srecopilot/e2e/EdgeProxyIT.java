package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the internet reaches through the UI image's nginx (deploy/docker/nginx.conf, as shipped):
 * the service-only endpoints are not there although auth serves them to the other services, and
 * pages and API answers carry their security headers.
 */
@ExtendWith(RunningStack.class)
class EdgeProxyIT {

    private static EdgeProxy proxy;

    @BeforeAll
    static void proxy(Stack stack) {
        proxy = stack.edgeProxy();
    }

    @Test
    void serviceOnlyEndpointsAreNotReachableFromOutside(Stack stack) {
        Map<String, Object> credentials = Map.of("grant_type", "client_credentials", "client_id", "ingest",
                "client_secret", "not-the-secret");
        Response direct = given().baseUri(stack.url("auth")).contentType("application/x-www-form-urlencoded")
                .formParams(credentials).when().post("/api/v1/auth/token");
        assertNotEquals(404, direct.statusCode(), "auth serves the endpoint to services (the control)");
        for (String path : new String[] { "/api/v1/auth/token", "/api/v1/auth/api-keys/introspect" }) {
            Response outside = given().baseUri(proxy.url()).contentType("application/x-www-form-urlencoded")
                    .formParams(credentials).when().post(path);
            assertEquals(404, outside.statusCode(), path);
            assertTrue(outside.contentType().startsWith("application/problem+json"), path + ": " + outside.contentType());
        }
        given().baseUri(proxy.url()).contentType("application/json").body(Map.of("email", "x@example.com", "password", "y"))
                .when().post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void pagesAndApiAnswersCarryTheirSecurityHeaders() {
        for (String page : new String[] { "/", "/incidents/some-id" }) {
            Response answer = given().baseUri(proxy.url()).when().get(page);
            assertEquals(200, answer.statusCode(), page);
            String policy = answer.header("Content-Security-Policy");
            assertTrue(policy != null && policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'none'")
                    && !policy.contains("'unsafe-eval'"), page + ": " + policy);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), page);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), page);
        }
        Response api = given().baseUri(proxy.url()).when().get("/api/v1/incidents");
        assertEquals(401, api.statusCode());
        assertEquals("default-src 'none'; frame-ancestors 'none'", api.header("Content-Security-Policy"));
    }
}

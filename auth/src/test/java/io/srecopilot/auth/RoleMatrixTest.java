package io.srecopilot.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.srecopilot.platform.security.Role;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role-guarded endpoint of auth against every role of a real project: below the endpoint's
 * role it is 403, from it up it passes authorization, and without a token it is 401.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String PASSWORD = "correct horse battery";
    private static Team team;

    /** One project with a real member of each role. */
    private record Team(String projectId, Map<Role, String> tokens, String viewerId) {
    }

    /** {@code destructive}: only the refusals are checked, so the project survives the matrix. */
    private record Endpoint(String method, String path, Role minimum, Object body, boolean destructive) {
        @Override
        public String toString() {
            return method + " " + path + " (" + (minimum == null ? "service" : minimum.value()) + ")";
        }
    }

    static Stream<Arguments> endpoints() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return Stream.of(
                new Endpoint("GET", "/api/v1/auth/me", Role.VIEWER, null, false),
                new Endpoint("POST", "/api/v1/auth/ws-ticket", Role.VIEWER, null, false),
                new Endpoint("POST", "/api/v1/auth/switch-project", Role.VIEWER, Map.of("projectId", "{project}"), false),
                new Endpoint("GET", "/api/v1/projects", Role.VIEWER, null, false),
                new Endpoint("POST", "/api/v1/projects", Role.ADMIN, Map.of("name", "Matrix " + unique + " {role}"), false),
                new Endpoint("PATCH", "/api/v1/projects/{project}", Role.OWNER, Map.of("name", "Renamed " + unique), false),
                new Endpoint("POST", "/api/v1/projects/{project}/unarchive", Role.OWNER, null, false),
                new Endpoint("POST", "/api/v1/projects/{project}/archive", Role.OWNER, null, true),
                new Endpoint("DELETE", "/api/v1/projects/{project}", Role.OWNER, null, true),
                new Endpoint("GET", "/api/v1/projects/{project}/members", Role.VIEWER, null, false),
                new Endpoint("POST", "/api/v1/projects/{project}/members",
                        Role.ADMIN, Map.of("email", "matrix-{role}-" + unique + "@example.com", "role", "viewer"), false),
                new Endpoint("PATCH", "/api/v1/projects/{project}/members/{viewer}", Role.ADMIN, Map.of("role", "viewer"), false),
                new Endpoint("DELETE", "/api/v1/projects/{project}/invitations/" + UUID.randomUUID(), Role.ADMIN, null, false),
                new Endpoint("POST", "/api/v1/projects/{project}/api-keys", Role.ADMIN,
                        Map.of("name", "matrix", "scopes", List.of("read")), false),
                new Endpoint("GET", "/api/v1/projects/{project}/api-keys", Role.ADMIN, null, false),
                new Endpoint("DELETE", "/api/v1/projects/{project}/api-keys/" + UUID.randomUUID(), Role.ADMIN, null, false),
                new Endpoint("POST", "/api/v1/auth/api-keys/introspect", null, Map.of("key", "sre_abcdefgh_" + "A".repeat(43)), false))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsExactlyWhatItsRoleAllows(Endpoint endpoint) {
        Team team = team();
        assertEquals(401, call(endpoint, null, null).statusCode(), endpoint + " without a token");
        for (Role role : Role.values()) {
            boolean allowed = endpoint.minimum() != null && role.includes(endpoint.minimum());
            if (allowed && endpoint.destructive()) {
                continue;
            }
            int status = call(endpoint, team.tokens().get(role), role).statusCode();
            if (allowed) {
                assertTrue(status != 401 && status != 403, endpoint + " as " + role.value() + " answered " + status);
            } else {
                assertEquals(403, status, endpoint + " as " + role.value());
            }
        }
    }

    private static Response call(Endpoint endpoint, String token, Role role) {
        Team team = team();
        String path = endpoint.path().replace("{project}", team.projectId()).replace("{viewer}", team.viewerId());
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            String body = toJson(endpoint.body()).replace("{project}", team.projectId())
                    .replace("{role}", role == null ? "anonymous" : role.value());
            request = request.contentType("application/json").body(body);
        }
        return request.when().request(endpoint.method(), path);
    }

    private static synchronized Team team() {
        if (team == null) {
            Response owner = given().contentType("application/json")
                    .body(Map.of("email", "matrix-owner-" + UUID.randomUUID() + "@example.com", "password", PASSWORD,
                            "fullName", "Owner", "tenantName", "Matrix"))
                    .when().post("/api/v1/auth/register");
            String projectId = owner.path("project.id");
            Map<Role, String> tokens = new EnumMap<>(Role.class);
            tokens.put(Role.OWNER, owner.path("accessToken"));
            String viewerId = null;
            for (Role role : List.of(Role.ADMIN, Role.ENGINEER, Role.VIEWER)) {
                String invitation = given().auth().oauth2(tokens.get(Role.OWNER)).contentType("application/json")
                        .body(Map.of("email", "matrix-" + role.value() + "-" + UUID.randomUUID() + "@example.com",
                                "role", role.value()))
                        .when().post("/api/v1/projects/" + projectId + "/members").path("invitationToken");
                Response joined = given().contentType("application/json")
                        .body(Map.of("token", invitation, "fullName", role.value(), "password", PASSWORD))
                        .when().post("/api/v1/auth/invitations/accept");
                tokens.put(role, joined.path("accessToken"));
                if (role == Role.VIEWER) {
                    viewerId = joined.path("user.id");
                }
            }
            team = new Team(projectId, tokens, viewerId);
        }
        return team;
    }

    private static String toJson(Object body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.srecopilot.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.security.ServiceScopes;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Service accounts (client credentials) and the API key introspection only services may call. */
@QuarkusTest
class ServiceAccountsAndIntrospectionTest {

    private static final String INGEST_SECRET = "test-secret-of-the-ingest-service-0123456789";
    private static final String AI_SECRET = "test-secret-of-the-ai-service-0123456789abcdef";

    @Test
    void aServiceAccountGetsAShortLivedServiceTokenForItsSecretOnly() throws Exception {
        Response issued = token("client_credentials", "ingest", INGEST_SECRET);
        issued.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(issued.path("access_token").toString().split("\\.")[1]));
        assertEquals("service:ingest", claims.get("sub").asText());
        assertEquals("service", claims.get("groups").get(0).asText());
        assertFalse(claims.has("tid") || claims.has("pid"));

        token("client_credentials", "ingest", INGEST_SECRET + "x").then().statusCode(401).contentType("application/problem+json");
        token("client_credentials", "ai", "anything-at-all-of-sufficient-length-00").then().statusCode(401);
        token("password", "ingest", INGEST_SECRET).then().statusCode(400).body("errors[0].field", equalTo("grant_type"));
        given().auth().oauth2(serviceToken()).when().get("/api/v1/auth/me").then().statusCode(403);
    }

    @Test
    void introspectionSaysWhatAKeyMayDoUntilItIsRevoked() {
        Owner owner = Owner.register();
        String key = owner.createKey(List.of("read", "ingest:write"), null).path("key");
        introspect(serviceToken(), key).statusCode(200)
                .body("active", equalTo(true))
                .body("tenantId", equalTo(owner.tenantId))
                .body("projectId", equalTo(owner.projectId))
                .body("scopes", equalTo(List.of("ingest:write", "read")));
        given().auth().oauth2(owner.token).when().get(owner.keys()).then().body("items[0].lastUsedAt", notNullValue());

        String keyId = given().auth().oauth2(owner.token).when().get(owner.keys()).path("items[0].id");
        given().auth().oauth2(owner.token).when().delete(owner.keys() + "/" + keyId).then().statusCode(204);
        introspect(serviceToken(), key).statusCode(200).body("active", equalTo(false)).body("$", not(hasKey("tenantId")));
    }

    @Test
    void keysOfArchivedProjectsExpiredKeysAndGarbageAreInactive() throws InterruptedException {
        Owner owner = Owner.register();
        String expiring = owner.createKey(List.of("read"), Instant.now().plusSeconds(2)).then().statusCode(201)
                .body("expiresAt", notNullValue()).extract().path("key");
        String archived = owner.createKey(List.of("read"), null).path("key");
        introspect(serviceToken(), expiring).body("active", equalTo(true));

        given().auth().oauth2(owner.token).when().post("/api/v1/projects/" + owner.projectId + "/archive").then().statusCode(200);
        introspect(serviceToken(), archived).body("active", equalTo(false));
        Thread.sleep(2_100);
        introspect(serviceToken(), expiring).body("active", equalTo(false));
        introspect(serviceToken(), "sre_abcdefgh_" + "A".repeat(43)).body("active", equalTo(false));
        introspect(serviceToken(), "not a key").body("active", equalTo(false));
    }

    @Test
    void eachServiceGetsItsOwnScopesAndAProjectScopeOnlyInATokenBoundToThatProject() throws Exception {
        assertEquals(List.of("service", ServiceScopes.INTROSPECT_API_KEYS), groups(serviceToken()), "ingest: introspection only");
        assertEquals(List.of("service", ServiceScopes.INTROSPECT_API_KEYS), groups(token("client_credentials", "ai", AI_SECRET)
                .path("access_token")), "no project named: no project scope");

        UUID tenant = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        Response bound = projectToken("ai", AI_SECRET, ServiceScopes.READ_CONTEXT, tenant.toString(), project.toString());
        bound.then().statusCode(200).body("scope", equalTo(ServiceScopes.READ_CONTEXT));
        JsonNode claims = claims(bound.path("access_token"));
        assertEquals(List.of("service", ServiceScopes.READ_CONTEXT), groups(bound.path("access_token")));
        assertEquals(tenant.toString(), claims.get("tid").asText());
        assertEquals(project.toString(), claims.get("pid").asText());

        projectToken("ingest", INGEST_SECRET, ServiceScopes.READ_CONTEXT, tenant.toString(), project.toString()).then()
                .statusCode(400).body("errors[0].field", equalTo("scope"))
                .body("errors[0].message", equalTo("context:read is not granted to ingest"));
        projectToken("ai", AI_SECRET, ServiceScopes.READ_CONTEXT, null, null).then().statusCode(400)
                .body("errors[0].message", equalTo("context:read needs tenant_id and project_id"));
        projectToken("ai", AI_SECRET, ServiceScopes.READ_CONTEXT, tenant.toString(), "not-an-id").then().statusCode(400)
                .body("errors[0].field", equalTo("project_id"));
        introspect(bound.path("access_token"), "sre_abcdefgh_" + "A".repeat(43)).statusCode(403);
    }

    @Test
    void onlyServicesMayIntrospectAndKeysAreValidated() {
        Owner owner = Owner.register();
        introspect(null, "sre_abcdefgh_" + "A".repeat(43)).statusCode(401);
        introspect(owner.token, "sre_abcdefgh_" + "A".repeat(43)).statusCode(403);
        owner.createKey(List.of("admin"), null).then().statusCode(400).body("errors[0].field", equalTo("scopes[0]"));
        owner.createKey(List.of("read"), Instant.now().minusSeconds(60)).then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        owner.createKey(List.of("read"), null).then().statusCode(201).body("expiresAt", nullValue());
    }

    private static ValidatableResponse introspect(String token, String key) {
        var request = given().contentType("application/json").body(Map.of("key", key));
        return (token == null ? request : request.auth().oauth2(token)).when().post("/api/v1/auth/api-keys/introspect").then();
    }

    private static Response projectToken(String client, String secret, String scope, String tenantId, String projectId) {
        var request = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", client).formParam("client_secret", secret).formParam("scope", scope);
        if (tenantId != null) {
            request = request.formParam("tenant_id", tenantId).formParam("project_id", projectId);
        }
        return request.when().post("/api/v1/auth/token");
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<String> groups(String token) throws Exception {
        List<String> groups = new java.util.ArrayList<>();
        claims(token).get("groups").forEach(group -> groups.add(group.asText()));
        return groups;
    }

    private static String serviceToken() {
        return token("client_credentials", "ingest", INGEST_SECRET).path("access_token");
    }

    private static Response token(String grant, String client, String secret) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", grant)
                .formParam("client_id", client).formParam("client_secret", secret).when().post("/api/v1/auth/token");
    }

    private record Owner(String token, String tenantId, String projectId) {
        static Owner register() {
            Response registered = given().contentType("application/json")
                    .body(Map.of("email", "keys-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery",
                            "fullName", "Kim", "tenantName", "Keys Inc"))
                    .when().post("/api/v1/auth/register");
            return new Owner(registered.path("accessToken"), registered.path("tenant.id"), registered.path("project.id"));
        }

        String keys() {
            return "/api/v1/projects/" + projectId + "/api-keys";
        }

        Response createKey(List<String> scopes, Instant expiresAt) {
            Map<String, Object> body = expiresAt == null ? Map.of("name", "machine", "scopes", scopes)
                    : Map.of("name", "machine", "scopes", scopes, "expiresAt", expiresAt.toString());
            return given().auth().oauth2(token).contentType("application/json").body(body).when().post(keys());
        }
    }
}

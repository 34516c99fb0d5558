package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A freshly registered team: its owner's token, project and (once created) Alertmanager API key. */
public final class Tenant {

    public static final String PASSWORD = "a long enough password";

    public final String email;
    public final String token;
    public final String tenantId;
    public final String projectId;
    private final Stack stack;

    private Tenant(Stack stack, String email, Response registered) {
        this.stack = stack;
        this.email = email;
        this.token = registered.path("accessToken");
        this.tenantId = registered.path("tenant.id");
        this.projectId = registered.path("project.id");
    }

    public static Tenant register(Stack stack, String name) {
        String email = name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID() + "@example.com";
        Response registered = given().baseUri(stack.url("auth")).contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "fullName", name + " Owner", "tenantName", name))
                .when().post("/api/v1/auth/register");
        registered.then().statusCode(201);
        return new Tenant(stack, email, registered);
    }

    public String createApiKey() {
        return createApiKey(List.of("ingest:write")).path("key");
    }

    /** The creation answer: {@code id}, {@code key} (shown once), scopes. */
    public Response createApiKey(List<String> scopes) {
        Response created = given().baseUri(stack.url("auth")).auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "machine", "scopes", scopes))
                .when().post("/api/v1/projects/" + projectId + "/api-keys");
        created.then().statusCode(201);
        return created;
    }

    public void revokeApiKey(String keyId) {
        given().baseUri(stack.url("auth")).auth().oauth2(token).when()
                .delete("/api/v1/projects/" + projectId + "/api-keys/" + keyId).then().statusCode(204);
    }

    /** Invites someone with the role to the project; answers their access token once they accepted. */
    public String memberWithRole(String role) {
        String invitation = given().baseUri(stack.url("auth")).auth().oauth2(token).contentType("application/json")
                .body(Map.of("email", role + "-" + UUID.randomUUID() + "@example.com", "role", role))
                .when().post("/api/v1/projects/" + projectId + "/members")
                .then().statusCode(201).extract().path("invitationToken");
        return given().baseUri(stack.url("auth")).contentType("application/json")
                .body(Map.of("token", invitation, "fullName", "A " + role, "password", PASSWORD))
                .when().post("/api/v1/auth/invitations/accept").then().statusCode(201).extract().path("accessToken");
    }

    public String wsTicket() {
        return given().baseUri(stack.url("auth")).auth().oauth2(token).when().post("/api/v1/auth/ws-ticket")
                .then().statusCode(200).extract().path("ticket");
    }

    /**
     * Posts an Alertmanager notification with the key. A key reaches ingest through the event
     * stream, so the first attempts may still be refused with 401.
     */
    public Response sendAlerts(String apiKey, Map<String, Object> notification) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + apiKey)
                    .contentType("application/json").body(notification).when().post("/api/v1/ingest/alertmanager");
            return last[0].statusCode() != 401;
        });
        return last[0];
    }

    /** Creates something through one service's API, as this team's owner; answers the 201. */
    public Response create(String service, String path, Object body) {
        Response created = given().baseUri(stack.url(service)).auth().oauth2(token).contentType("application/json")
                .body(body).when().post(path);
        created.then().statusCode(201);
        return created;
    }

    /** The incident's analysis as ai answers it (404 while there is none). */
    public Response analysis(String incidentId) {
        return given().baseUri(stack.url("ai")).auth().oauth2(token).when()
                .get("/api/v1/ai/incidents/" + incidentId + "/analysis");
    }

    /** The incident's analysis so far: its JSON, or an empty document while there is none. */
    public JsonPath analysisSoFar(String incidentId) {
        Response found = analysis(incidentId);
        return found.statusCode() == 200 ? found.jsonPath() : new JsonPath("{}");
    }

    /** The fingerprints of every signal ingest stored for the project, newest first, all pages. */
    public List<String> storedFingerprints() {
        return Pages.collect(() -> given().baseUri(stack.url("ingest")).auth().oauth2(token), "/api/v1/signals",
                "items.fingerprint");
    }
}

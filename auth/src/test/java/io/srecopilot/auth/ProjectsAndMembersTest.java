package io.srecopilot.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.WsTicket;
import io.srecopilot.platform.testing.TestStream;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Projects, members, roles and invitations, as owners, admins and members use them. */
@QuarkusTest
class ProjectsAndMembersTest {

    @Inject
    ReactiveRedisDataSource redis;

    private static final String PASSWORD = "correct horse battery";

    /** A signed-in person: their token is for {@code projectId}, with {@code role} there. */
    private record Session(String email, String token, String projectId, String tenantId, String userId) {
    }

    @Test
    void anAdminCreatesProjectsAndTheirOwnerRenamesArchivesAndDeletesThem() {
        Session owner = register();
        String payments = given().auth().oauth2(owner.token()).contentType("application/json")
                .body(Map.of("name", "Payments")).when().post("/api/v1/projects")
                .then().statusCode(201).body("name", equalTo("Payments")).extract().path("id");
        post(owner, "/api/v1/projects", Map.of("name", "payments")).statusCode(409);
        post(owner, "/api/v1/projects", Map.of("name", " ")).statusCode(400);
        given().auth().oauth2(owner.token()).when().get("/api/v1/projects").then().statusCode(200)
                .body("items.name", containsInAnyOrder("Default", "Payments"))
                .body("items.role", containsInAnyOrder("owner", "owner"));

        Session inPayments = switchTo(owner, payments);
        given().auth().oauth2(inPayments.token()).contentType("application/json").body(Map.of("name", "Billing"))
                .when().patch("/api/v1/projects/" + payments).then().statusCode(200).body("name", equalTo("Billing"));
        given().auth().oauth2(inPayments.token()).contentType("application/json").body(Map.of("name", "X"))
                .when().patch("/api/v1/projects/" + owner.projectId()).then().statusCode(404);
        post(inPayments, "/api/v1/projects/" + payments + "/archive", null).statusCode(200).body("archivedAt", notNullValue());
        post(inPayments, "/api/v1/projects/" + payments + "/unarchive", null).statusCode(200).body("archivedAt", nullValue());

        given().auth().oauth2(inPayments.token()).when().delete("/api/v1/projects/" + payments).then().statusCode(204);
        given().auth().oauth2(owner.token()).when().get("/api/v1/projects").then().body("items.name", equalTo(List.of("Default")));
        given().auth().oauth2(owner.token()).when().delete("/api/v1/projects/" + owner.projectId()).then().statusCode(409)
                .body("detail", equalTo("The organisation's last project cannot be deleted"));
    }

    @Test
    void aRenameIsAuditedWithTheNameBeforeAndAfter() {
        Session owner = register();
        String requestId = UUID.randomUUID().toString();
        given().auth().oauth2(owner.token()).header("X-Request-Id", requestId).contentType("application/json")
                .body(Map.of("name", "Storefront")).when().patch("/api/v1/projects/" + owner.projectId()).then()
                .statusCode(200);

        JsonNode changes = await().atMost(Duration.ofSeconds(10)).until(() -> requestRecord(owner.tenantId(), requestId),
                Optional::isPresent).orElseThrow().data().get("changes");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("/name", changes.get(0).get("path").asText());
        assertEquals("Default", changes.get(0).get("before").asText());
        assertEquals("Storefront", changes.get(0).get("after").asText());
    }

    private static Optional<EventEnvelope> requestRecord(String tenantId, String requestId) {
        return TestStream.published(tenantId, "http.request").stream()
                .filter(record -> requestId.equals(record.data().get("requestId").asText())).findFirst();
    }

    @Test
    void anInviteeJoinsWithTheRoleTheyWereInvitedWith() {
        Session owner = register();
        String email = "alice-" + UUID.randomUUID() + "@example.com";
        Response invited = post(owner, membersOf(owner), Map.of("email", email, "role", "engineer"))
                .statusCode(201).body("invitation.email", equalTo(email)).body("invitation.role", equalTo("engineer"))
                .body("invitationToken", notNullValue()).body("member", nullValue()).extract().response();
        given().auth().oauth2(owner.token()).when().get(membersOf(owner)).then().statusCode(200)
                .body("items", hasSize(1)).body("invitations[0].email", equalTo(email))
                .body("invitations[0].invitationToken", nullValue());

        Response joined = accept(invited.path("invitationToken"), "Alice");
        joined.then().statusCode(201).body("project.id", equalTo(owner.projectId())).body("project.role", equalTo("engineer"))
                .body("tenant.id", equalTo(owner.tenantId())).cookie("sre_refresh", notNullValue());
        accept(invited.path("invitationToken"), "Alice again").then().statusCode(404);
        given().auth().oauth2(owner.token()).when().get(membersOf(owner)).then()
                .body("items.email", containsInAnyOrder(owner.email(), email)).body("invitations", hasSize(0));

        String revokedToken = post(owner, membersOf(owner), Map.of("email", "bob-" + UUID.randomUUID() + "@example.com",
                "role", "viewer")).extract().path("invitationToken");
        String invitationId = given().auth().oauth2(owner.token()).when().get(membersOf(owner)).path("invitations[0].id");
        given().auth().oauth2(owner.token()).when().delete("/api/v1/projects/" + owner.projectId() + "/invitations/" + invitationId)
                .then().statusCode(204);
        accept(revokedToken, "Bob").then().statusCode(404);

        Session stranger = register();
        post(owner, membersOf(owner), Map.of("email", stranger.email(), "role", "viewer")).statusCode(409);
    }

    @Test
    void onlyOwnersMakeOwnersAndAProjectKeepsOne() {
        Session owner = register();
        Session alice = invite(owner, "admin");
        String aliceMember = membersOf(owner) + "/" + alice.userId();
        String ownerMember = membersOf(owner) + "/" + owner.userId();

        patch(alice, aliceMember, Map.of("role", "owner")).statusCode(403);
        patch(alice, ownerMember, Map.of("role", "viewer")).statusCode(403);
        given().auth().oauth2(alice.token()).when().delete(ownerMember).then().statusCode(403);
        patch(owner, ownerMember, Map.of("role", "admin")).statusCode(409).body("detail", equalTo("A project keeps at least one owner"));
        given().auth().oauth2(owner.token()).when().delete(ownerMember).then().statusCode(409);

        patch(owner, aliceMember, Map.of("role", "owner")).statusCode(200).body("role", equalTo("owner"));
        patch(owner, ownerMember, Map.of("role", "engineer")).statusCode(200).body("role", equalTo("engineer"));
        patch(owner, aliceMember, Map.of("role", "superuser")).statusCode(400);
    }

    @Test
    void adminsAddColleaguesAndRemoveMembersWhileAnyoneMayLeave() {
        Session owner = register();
        Session viewer = invite(owner, "viewer");
        String second = post(owner, "/api/v1/projects", Map.of("name", "Second")).extract().path("id");
        Session ownerInSecond = switchTo(owner, second);
        post(ownerInSecond, membersOf(ownerInSecond), Map.of("email", viewer.email(), "role", "viewer")).statusCode(201)
                .body("member.userId", equalTo(viewer.userId())).body("invitation", nullValue());
        post(ownerInSecond, membersOf(ownerInSecond), Map.of("email", viewer.email(), "role", "viewer")).statusCode(409);

        given().auth().oauth2(viewer.token()).when().delete(membersOf(owner) + "/" + owner.userId()).then().statusCode(403);
        post(viewer, membersOf(owner), Map.of("email", "x-" + UUID.randomUUID() + "@example.com", "role", "viewer")).statusCode(403);
        given().auth().oauth2(viewer.token()).when().delete(membersOf(viewer) + "/" + viewer.userId()).then().statusCode(204);
        given().auth().oauth2(owner.token()).when().get(membersOf(owner)).then().body("items", hasSize(1));
    }

    @Test
    void aLiveTicketCarriesTheRoleHeldNowAndNoneIsIssuedAfterRemoval() {
        Session owner = register();
        Session alice = invite(owner, "engineer");
        String member = membersOf(owner) + "/" + alice.userId();
        patch(owner, member, Map.of("role", "viewer")).statusCode(200);

        // Alice's access token still says engineer (it lives 15 minutes); her ticket says what she is now.
        String ticket = post(alice, "/api/v1/auth/ws-ticket", null).statusCode(200).extract().path("ticket");
        String claims = redis.value(String.class).get(WsTicket.key(ticket)).await().atMost(Duration.ofSeconds(10));
        assertTrue(claims.contains("\"VIEWER\"") || claims.contains("\"viewer\""), claims);

        given().auth().oauth2(owner.token()).when().delete(member).then().statusCode(204);
        post(alice, "/api/v1/auth/ws-ticket", null).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherTenantSeesAndTouchesNoneOfIt() {
        Session owner = register();
        Session stranger = register();
        String foreign = "/api/v1/projects/" + owner.projectId();
        given().auth().oauth2(stranger.token()).when().get(foreign + "/members").then().statusCode(404);
        patch(stranger, foreign, Map.of("name", "Mine")).statusCode(404);
        post(stranger, foreign + "/members", Map.of("email", stranger.email(), "role", "owner")).statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete(foreign + "/members/" + owner.userId()).then().statusCode(404);
        // A viewer may not remove others, but in another tenant's project the answer is still "not found".
        Session strangersViewer = invite(stranger, "viewer");
        given().auth().oauth2(strangersViewer.token()).when().delete(foreign + "/members/" + owner.userId()).then()
                .statusCode(404);
        given().auth().oauth2(stranger.token()).when().delete(foreign).then().statusCode(404);
        given().when().get("/api/v1/projects").then().statusCode(401);
        given().when().get(foreign + "/members").then().statusCode(401);
    }

    private Session invite(Session owner, String role) {
        String token = post(owner, membersOf(owner), Map.of("email", "member-" + UUID.randomUUID() + "@example.com",
                "role", role)).extract().path("invitationToken");
        Response joined = accept(token, "Member");
        return new Session(joined.path("user.email"), joined.path("accessToken"), joined.path("project.id"),
                joined.path("tenant.id"), joined.path("user.id"));
    }

    private static Response accept(String token, String name) {
        return given().contentType("application/json").body(Map.of("token", token, "fullName", name, "password", PASSWORD))
                .when().post("/api/v1/auth/invitations/accept");
    }

    private static Session switchTo(Session session, String projectId) {
        String token = given().auth().oauth2(session.token()).contentType("application/json")
                .body(Map.of("projectId", projectId)).when().post("/api/v1/auth/switch-project")
                .then().statusCode(200).extract().path("accessToken");
        return new Session(session.email(), token, projectId, session.tenantId(), session.userId());
    }

    private static String membersOf(Session session) {
        return "/api/v1/projects/" + session.projectId() + "/members";
    }

    private static ValidatableResponse post(Session session, String path, Map<String, ?> body) {
        var request = given().auth().oauth2(session.token()).contentType("application/json");
        return (body == null ? request : request.body(body)).when().post(path).then();
    }

    private static ValidatableResponse patch(Session session, String path, Map<String, ?> body) {
        return given().auth().oauth2(session.token()).contentType("application/json").body(body).when().patch(path).then();
    }

    private static Session register() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        Response registered = given().contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "fullName", "Olive Owner", "tenantName", "Org"))
                .when().post("/api/v1/auth/register");
        registered.then().statusCode(201);
        return new Session(email, registered.path("accessToken"), registered.path("project.id"),
                registered.path("tenant.id"), registered.path("user.id"));
    }
}

package io.srecopilot.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.srecopilot.auth.tokens.OpaqueTokens;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.security.WsTicket;
import io.srecopilot.platform.testing.ServiceContractTest;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import io.srecopilot.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthServiceTest extends ServiceContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "correct horse battery";

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    Pool pool;

    AuthServiceTest() {
        super("/api/v1/auth", "1");
    }

    @Test
    void registeringCreatesATenantItsOwnerAndADefaultProject() {
        String email = uniqueEmail();
        Response registered = register(email);
        registered.then().statusCode(201)
                .body("expiresIn", equalTo(900))
                .body("user.email", equalTo(email))
                .body("user.fullName", equalTo("Ada Lovelace"))
                .body("tenant.name", equalTo("Analytical Engines"))
                .body("project.name", equalTo("Default"))
                .body("project.role", equalTo("owner"))
                .cookie("sre_refresh", notNullValue())
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));

        given().auth().oauth2(registered.path("accessToken")).when().get("/api/v1/auth/me").then().statusCode(200)
                .body("user.email", equalTo(email))
                .body("project.id", equalTo(registered.path("project.id")))
                .body("project.role", equalTo("owner"))
                .body("projects", hasSize(1));

        String tenantId = registered.path("tenant.id");
        await().atMost(WAIT).until(() -> TestStream.published(tenantId, null).size() == 2);
        assertEquals(List.of("project.created", "member.added"), TestStream.published(tenantId, null).stream().map(EventEnvelope::type).toList());
    }

    @Test
    void aValidTokenOfAnAccountThatNoLongerExistsIsRefused() {
        TestCaller ghost = TestCaller.newTenant(Role.OWNER);
        given().auth().oauth2(ghost.token()).when().get("/api/v1/auth/me").then().statusCode(401);
        given().auth().oauth2(ghost.token()).contentType("application/json")
                .body(Map.of("projectId", ghost.projectId().toString()))
                .when().post("/api/v1/auth/switch-project").then().statusCode(401);
    }

    @Test
    void anEmailHasOneAccountWhateverItsCase() {
        String email = uniqueEmail();
        register(email).then().statusCode(201);
        register(email.toUpperCase()).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidSignUpNamesEveryBadField() {
        given().contentType("application/json")
                .body(Map.of("email", "not-an-email", "password", "short", "fullName", "", "tenantName", "Acme"))
                .when().post("/api/v1/auth/register").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("email", "password", "fullName"));
    }

    @Test
    void loginAnswersATokenForTheFirstProjectAndRefusesWrongPasswordsAlike() {
        String email = uniqueEmail();
        String projectId = register(email).path("project.id");

        given().contentType("application/json").body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .when().post("/api/v1/auth/login").then().statusCode(200)
                .body("accessToken", notNullValue())
                .body("activeProjectId", equalTo(projectId))
                .body("projects[0].role", equalTo("owner"))
                .cookie("sre_refresh", notNullValue());
        for (Map<String, String> wrong : List.of(Map.of("email", email, "password", "wrong password!"),
                Map.of("email", "nobody-" + email, "password", PASSWORD))) {
            given().contentType("application/json").body(wrong).when().post("/api/v1/auth/login").then()
                    .statusCode(401).contentType("application/problem+json")
                    .body("detail", equalTo("The email or the password is wrong"));
        }
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReplayAfterTheGraceWindowEndsTheSession() {
        String first = register(uniqueEmail()).cookie("sre_refresh");

        Response refreshed = refresh(first);
        refreshed.then().statusCode(200).body("accessToken", notNullValue()).body("expiresIn", equalTo(900));
        String second = refreshed.cookie("sre_refresh");
        assertNotEquals(first, second);
        given().auth().oauth2(refreshed.path("accessToken")).when().get("/api/v1/auth/me").then().statusCode(200);

        usedAMinuteAgo(first); // sre.auth.refresh-grace is 10 s
        refresh(first).then().statusCode(401);
        refresh(second).then().statusCode(401);
        given().when().post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void twoTabsRefreshingAtOnceBothGetTheSameSuccessorAndStaySignedIn() throws Exception {
        String shared = register(uniqueEmail()).cookie("sre_refresh");

        ExecutorService tabs = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = List.of(tabs.submit(() -> refresh(shared)), tabs.submit(() -> refresh(shared)));
        tabs.shutdown();
        String one = answers.get(0).get().then().statusCode(200).extract().cookie("sre_refresh");
        String other = answers.get(1).get().then().statusCode(200).extract().cookie("sre_refresh");
        assertEquals(one, other, "the second presentation gets the successor of the first");
        assertEquals(one, refresh(shared).then().statusCode(200).extract().cookie("sre_refresh"), "still in the window");

        String next = refresh(one).then().statusCode(200).extract().cookie("sre_refresh");
        refresh(shared).then().statusCode(401); // its successor is used now: a replay
        refresh(next).then().statusCode(401);   // which ended the login
    }

    @Test
    void theSessionCookieIsTakenFromTheUisOriginOnly() {
        String cookie = register(uniqueEmail()).cookie("sre_refresh");
        given().cookie("sre_refresh", cookie).header("Origin", "https://evil.example").when()
                .post("/api/v1/auth/refresh").then().statusCode(403).contentType("application/problem+json");
        given().cookie("sre_refresh", cookie).header("Origin", "https://evil.example").when()
                .post("/api/v1/auth/logout").then().statusCode(403);
        // Refused before the token was touched: the UI's page still refreshes with it.
        given().cookie("sre_refresh", cookie).header("Origin", "http://127.0.0.1:5173").when()
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void apiAnswersTellBrowsersTheyAreDataNeverAPage() {
        for (Response answer : List.of(given().when().get("/api/v1/auth/jwks"),
                given().when().get("/api/v1/auth/me"))) { // a problem document too
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("default-src 'none'; frame-ancestors 'none'", answer.header("Content-Security-Policy"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertEquals("no-store", answer.header("Cache-Control"));
        }
    }

    private void usedAMinuteAgo(String token) {
        pool.preparedQuery("UPDATE refresh_token SET used_at = used_at - interval '1 minute' WHERE token_hash = $1")
                .execute(Tuple.of(OpaqueTokens.hash(token))).await().atMost(WAIT);
    }

    @Test
    void loggingOutEndsTheSessionAndSaysSoForTheLiveConnections() {
        Response registered = register(uniqueEmail());
        String cookie = registered.cookie("sre_refresh");
        given().cookie("sre_refresh", cookie).when().post("/api/v1/auth/logout").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        refresh(cookie).then().statusCode(401);
        String userId = registered.path("user.id");
        await().atMost(WAIT).until(() -> TestStream.published(registered.path("tenant.id"), "user.logout").stream()
                .anyMatch(event -> userId.equals(event.data().path("userId").asText())
                        && registered.path("project.id").equals(String.valueOf(event.projectId()))));
    }

    @Test
    void switchingOnlyReachesProjectsTheUserBelongsTo() {
        Response registered = register(uniqueEmail());
        String token = registered.path("accessToken");
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("projectId", registered.path("project.id").toString()))
                .when().post("/api/v1/auth/switch-project").then().statusCode(200).body("accessToken", notNullValue());
        String strangersProject = register(uniqueEmail()).path("project.id");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("projectId", strangersProject))
                .when().post("/api/v1/auth/switch-project").then().statusCode(404);
        given().contentType("application/json").body(Map.of("projectId", strangersProject))
                .when().post("/api/v1/auth/switch-project").then().statusCode(401);
    }

    @Test
    void aWebSocketTicketIsAShortLivedRecordOfTheCaller() {
        Response owner = register(uniqueEmail());
        String ticket = given().auth().oauth2(owner.<String>path("accessToken")).when().post("/api/v1/auth/ws-ticket")
                .then().statusCode(200).extract().path("ticket");
        String stored = redis.value(String.class).get(WsTicket.key(ticket)).await().atMost(WAIT);
        assertTrue(stored.contains(owner.<String>path("project.id")) && stored.contains("\"owner\""), stored);
        long ttl = redis.key().ttl(WsTicket.key(ticket)).await().atMost(WAIT);
        assertTrue(ttl > 0 && ttl <= 30, "ttl " + ttl);
        given().when().post("/api/v1/auth/ws-ticket").then().statusCode(401);
    }

    @Test
    void adminsManageTheirProjectsApiKeysAndOthersCannot() {
        Response owner = register(uniqueEmail());
        String token = owner.path("accessToken");
        String projectId = owner.path("project.id");
        String keys = "/api/v1/projects/" + projectId + "/api-keys";

        Response created = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "alertmanager", "scopes", List.of("ingest:write"))).when().post(keys);
        created.then().statusCode(201).body("key", startsWith("sre_")).body("prefix", notNullValue())
                .body("scopes", equalTo(List.of("ingest:write")));
        String key = created.path("key");
        String keyId = created.path("id");
        given().auth().oauth2(token).when().get(keys).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("alertmanager"))
                .body("items[0].key", nullValue()).body(not(containsString(key)));

        String tenantId = owner.path("tenant.id");
        await().atMost(WAIT).until(() -> TestStream.published(tenantId, null).stream().anyMatch(e -> e.type().equals("apikey.created")));
        EventEnvelope announcedKey = TestStream.published(tenantId, null).stream().filter(e -> e.type().equals("apikey.created"))
                .findFirst().orElseThrow();
        assertEquals(keyId, announcedKey.data().get("id").asText());
        assertTrue(!announcedKey.data().has("keyHash") && !announcedKey.data().toString().contains(key),
                "neither the key nor its hash is announced");

        TestCaller sameProjectEngineer = TestCaller.of(UUID.fromString(tenantId), UUID.fromString(projectId), Role.ENGINEER);
        given().auth().oauth2(sameProjectEngineer.token()).when().get(keys).then().statusCode(403);
        given().when().get(keys).then().statusCode(401);
        TestCaller otherTenantAdmin = TestCaller.newTenant(Role.OWNER);
        given().auth().oauth2(otherTenantAdmin.token()).when().get(keys).then().statusCode(404);
        given().auth().oauth2(otherTenantAdmin.token()).when()
                .delete("/api/v1/projects/" + otherTenantAdmin.projectId() + "/api-keys/" + keyId).then().statusCode(404);
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "x", "scopes", List.of("root"))).when().post(keys).then().statusCode(400)
                .body("errors[0].field", equalTo("scopes[0]"));

        given().auth().oauth2(token).when().delete(keys + "/" + keyId).then().statusCode(204);
        given().auth().oauth2(token).when().get(keys).then().body("items[0].revokedAt", notNullValue());
        await().atMost(WAIT).until(() -> TestStream.published(tenantId, null).stream().anyMatch(e -> e.type().equals("apikey.revoked")));
    }

    @Test
    void aRotationPublishesBothKeysAndKeepsEarlierTokensValid() {
        Response jwks = given().when().get("/api/v1/auth/jwks");
        jwks.then().statusCode(200)
                .body("keys", hasSize(2))
                .body("keys.kty", everyItem(equalTo("RSA")))
                .body("keys.alg", everyItem(equalTo("RS256")))
                .body("keys[1].kid", equalTo(TestTokens.KEY_ID));
        String currentKid = jwks.path("keys[0].kid");

        String issued = register(uniqueEmail()).path("accessToken");
        assertEquals(currentKid, header(issued).get("kid").asText());
        given().auth().oauth2(issued).when().get("/api/v1/auth/me").then().statusCode(200);

        // Signed with the previous key, before the rotation:
        TestCaller earlier = TestCaller.newTenant(Role.VIEWER);
        assertEquals(TestTokens.KEY_ID, header(earlier.token()).get("kid").asText());
        // Accepted as genuine (not 401); the test caller has no membership stored, so no ticket.
        given().auth().oauth2(earlier.token()).when().post("/api/v1/auth/ws-ticket").then().statusCode(403)
                .body("detail", containsString("no longer a member"));
    }

    @Test
    void rotationNeverExtendsALoginsRefreshLifetime() {
        Response registered = register(uniqueEmail());
        String first = registered.cookie("sre_refresh");
        String second = refresh(first).cookie("sre_refresh");
        refresh(second).then().statusCode(200);

        List<OffsetDateTime> expiries = new ArrayList<>();
        pool.preparedQuery("""
                SELECT expires_at FROM refresh_token WHERE user_id = $1 ORDER BY created_at""")
                .execute(Tuple.of(UUID.fromString(registered.path("user.id"))))
                .await().atMost(WAIT)
                .forEach(row -> expiries.add(row.getOffsetDateTime("expires_at")));
        assertEquals(3, expiries.size());
        assertEquals(1, expiries.stream().distinct().count(), "every rotated token ends with the login: " + expiries);
        assertTrue(Duration.between(OffsetDateTime.now(), expiries.get(0)).toDays() <= 7);
    }

    private static JsonNode header(String jwt) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response refresh(String cookie) {
        return given().cookie("sre_refresh", cookie).when().post("/api/v1/auth/refresh");
    }

    private static Response register(String email) {
        return given().contentType("application/json")
                .body(Map.of("email", email, "password", PASSWORD, "fullName", "Ada Lovelace",
                        "tenantName", "Analytical Engines"))
                .when().post("/api/v1/auth/register");
    }

    private static String uniqueEmail() {
        return "ada-" + UUID.randomUUID() + "@example.com";
    }

}

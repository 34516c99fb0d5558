package io.srecopilot.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.PrometheusResource;
import io.srecopilot.platform.testing.PrometheusServer;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import io.srecopilot.platform.crypto.SecretBox;
import io.srecopilot.platform.crypto.SecretRotation;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Prometheus integrations against a real Prometheus behind basic authentication. */
@QuarkusTest
@QuarkusTestResource(PrometheusResource.class)
class IntegrationsTest {

    private static final String INTEGRATIONS = "/api/v1/integrations";

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Inject
    DataSource database;
    @Inject
    SecretBox secretBox;
    @Inject
    SecretRotation rotation;

    @Test
    void anIntegrationKeepsItsPasswordSealedAndTestsTheConnection() throws SQLException {
        String id = create(integration("main", PrometheusServer.PASSWORD)).statusCode(201)
                .body("auth.type", equalTo("basic")).body("auth.username", equalTo(PrometheusServer.USER))
                .body("auth.secretSet", equalTo(true)).body("headerNames", equalTo(List.of("X-Scope-OrgID")))
                .body("health.status", equalTo("unknown")).body("tlsVerify", equalTo(true))
                .body(not(containsString(PrometheusServer.PASSWORD))).extract().path("id");
        String sealed = sealedSecretsOf(id);
        assertFalse(sealed.contains(PrometheusServer.PASSWORD) || sealed.contains("tenant-a"), sealed);
        assertTrue(sealed.startsWith(secretBox.currentPrefix()), "an envelope under the current key: " + sealed);
        rotation.resealAll().await().atMost(Duration.ofSeconds(10));
        assertEquals(sealed, sealedSecretsOf(id), "already on the current key: left as it is");
        given().when().get("/q/metrics").then()
                .body(containsString("sre_secrets_not_current{column=\"integration.sealed_secrets\""));

        test(id).body("ok", equalTo(true)).body("version", startsWith("2.")).body("latencyMs", notNullValue());
        get(id).body("health.status", equalTo("ok")).body("health.lastSuccessAt", notNullValue());

        update(id, integration("main", "not the password")).statusCode(200);
        test(id).body("ok", equalTo(false)).body("error", containsString("401"));
        get(id).body("health.status", equalTo("failing")).body("health.lastError", containsString("401"));

        update(id, integration("main", PrometheusServer.PASSWORD)).statusCode(200);
        Map<String, Object> keepingPassword = integration("renamed", null);
        update(id, keepingPassword).statusCode(200).body("name", equalTo("renamed")).body("auth.secretSet", equalTo(true));
        test(id).body("ok", equalTo(true));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                TestStream.published(admin.tenantId().toString(), "integration.updated").size() == 3);
        assertFalse(TestStream.published(admin.tenantId().toString(), "integration.created").get(0).data().toString()
                .contains(PrometheusServer.PASSWORD));
    }

    @Test
    void unsafeTargetsAndIncompleteCredentialsAreRefusedWithEveryFault() {
        Map<String, Object> metadata = integration("m", "pw");
        metadata.put("url", "http://169.254.169.254/latest/meta-data");
        metadata.put("alertmanagerUrl", "http://metadata.google.internal/");
        metadata.put("headers", Map.of("Authorization", "Bearer smuggled"));
        metadata.put("auth", Map.of("type", "basic", "username", "sre"));
        create(metadata).statusCode(400).contentType("application/problem+json").body("errors.field",
                equalTo(List.of("url", "alertmanagerUrl", "headers.Authorization", "auth.password")));
        Map<String, Object> bearer = integration("b", null);
        bearer.put("auth", Map.of("type", "bearer"));
        bearer.put("url", "gopher://prometheus:9090");
        create(bearer).statusCode(400).body("errors.field", equalTo(List.of("url", "auth.token")));
        given().auth().oauth2(admin.token()).when().get(INTEGRATIONS).then().body("items", hasSize(0));
    }

    @Test
    void integrationsAreReadByViewersWrittenAndTestedByAdminsAndStayInTheirProject() {
        String id = create(integration("shared-name", PrometheusServer.PASSWORD)).statusCode(201).extract().path("id");
        create(integration("shared-name", PrometheusServer.PASSWORD)).statusCode(409);

        given().auth().oauth2(admin.withRole(Role.VIEWER).token()).when().get(INTEGRATIONS).then().statusCode(200)
                .body("items.name", equalTo(List.of("shared-name")));
        TestCaller engineer = admin.withRole(Role.ENGINEER);
        given().auth().oauth2(engineer.token()).contentType("application/json").body(integration("x", "p"))
                .when().post(INTEGRATIONS).then().statusCode(403);
        given().auth().oauth2(engineer.token()).when().post(INTEGRATIONS + "/" + id + "/test").then().statusCode(403);
        given().when().get(INTEGRATIONS).then().statusCode(401);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            given().auth().oauth2(stranger.token()).when().get(INTEGRATIONS + "/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().post(INTEGRATIONS + "/" + id + "/test").then()
                    .statusCode(404);
            given().auth().oauth2(stranger.token()).contentType("application/json").body(integration("x", "p"))
                    .when().put(INTEGRATIONS + "/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().delete(INTEGRATIONS + "/" + id).then().statusCode(404);
        }
        given().auth().oauth2(admin.token()).when().delete(INTEGRATIONS + "/" + id).then().statusCode(204);
        get(id).statusCode(404);
    }

    @Test
    void certificatesAreVerifiedUnlessTheIntegrationSaysNot() {
        PrometheusServer https = PrometheusServer.startTls();
        try {
            Map<String, Object> strict = new HashMap<>(Map.of("type", "prometheus", "name", "self-signed",
                    "url", https.url()));
            String verifying = create(strict).statusCode(201).body("tlsVerify", equalTo(true)).extract().path("id");
            test(verifying).body("ok", equalTo(false)).body("error", notNullValue());
            strict.put("name", "self-signed, trusted");
            strict.put("tlsVerify", false);
            String trusting = create(strict).statusCode(201).body("tlsVerify", equalTo(false)).extract().path("id");
            test(trusting).body("ok", equalTo(true)).body("version", startsWith("2."));
        } finally {
            https.stop();
        }
    }

    private Map<String, Object> integration(String name, String password) {
        Map<String, Object> auth = new HashMap<>();
        auth.put("type", "basic");
        auth.put("username", PrometheusServer.USER);
        if (password != null) {
            auth.put("password", password);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("type", "prometheus");
        body.put("name", name);
        body.put("url", PrometheusResource.server().url());
        body.put("auth", auth);
        body.put("headers", Map.of("X-Scope-OrgID", "tenant-a"));
        return body;
    }

    private ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(admin.token()).contentType("application/json").body(body).when()
                .post(INTEGRATIONS).then();
    }

    private ValidatableResponse update(String id, Map<String, Object> body) {
        return given().auth().oauth2(admin.token()).contentType("application/json").body(body).when()
                .put(INTEGRATIONS + "/" + id).then();
    }

    private ValidatableResponse get(String id) {
        return given().auth().oauth2(admin.token()).when().get(INTEGRATIONS + "/" + id).then();
    }

    private ValidatableResponse test(String id) {
        return given().auth().oauth2(admin.token()).when().post(INTEGRATIONS + "/" + id + "/test").then()
                .statusCode(200);
    }

    private String sealedSecretsOf(String id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT sealed_secrets FROM ingest.integration WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}

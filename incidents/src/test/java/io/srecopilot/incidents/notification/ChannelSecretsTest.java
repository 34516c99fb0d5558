package io.srecopilot.incidents.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.srecopilot.platform.crypto.SecretBox;
import io.srecopilot.platform.crypto.SecretRotation;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Channel secrets at rest: sealed, never in plain text; plain-text ones of before sealed at start;
 * the encryption key rotated while the service runs (a previous key configured, the rows moved to
 * the current one, then the previous key no longer needed).
 */
@QuarkusTest
@TestProfile(ChannelSecretsTest.RotatingFromAnOldKey.class)
class ChannelSecretsTest {

    /** The key the deployment used before; the current one is the test key of application.properties. */
    static final String OLD_KEY = "b2xkLWtleS1iZWluZy1yb3RhdGVkLW91dC0zMmJ5dGU=";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String INSERT = """
            INSERT INTO notification_channel (id, tenant_id, project_id, name, type, config, legacy_secret,
                   sealed_secret, routing, enabled, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '{}'::jsonb, true, now(), now())""";

    public static class RotatingFromAnOldKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sre.encryption.previous-keys", OLD_KEY);
        }
    }

    @Inject
    Pool pool;
    @Inject
    LegacyChannelSecrets legacy;
    @Inject
    SecretRotation rotation;
    @Inject
    ChannelSecrets secrets;
    @ConfigProperty(name = "sre.encryption.key")
    String currentKey;

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);

    @Test
    void aNewChannelsSigningKeyAndSlackUrlAreStoredSealedOnly() {
        String webhook = given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("name", "hook", "type", "webhook", "url", "http://127.0.0.1:9/hooks/sre", "secret", "whsec_mine_0123456789"))
                .when().post("/api/v1/notification-channels").then().statusCode(201).extract().path("id");
        String slack = given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("name", "chat", "type", "slack", "url", "http://127.0.0.1:9/services/T000/B000/XXXXSECRET"))
                .when().post("/api/v1/notification-channels").then().statusCode(201)
                .body("url", equalTo("http://127.0.0.1:9/services/T0…")).extract().path("id");

        Row hook = row(webhook);
        assertNull(hook.getString("legacy_secret"));
        assertFalse(hook.getString("sealed_secret").contains("whsec_mine"));
        assertEquals("whsec_mine_0123456789", new SecretBox(currentKey, List.of()).decrypt(hook.getString("sealed_secret"),
                "notification-channel:" + webhook));
        Row chat = row(slack);
        assertFalse(chat.getString("config").contains("XXXXSECRET"), "the Slack URL is the credential: " + chat.getString("config"));
        assertEquals("http://127.0.0.1:9/services/T000/B000/XXXXSECRET", new SecretBox(currentKey, List.of())
                .decrypt(chat.getString("sealed_secret"), "notification-channel:" + slack));
    }

    @Test
    void plainTextSecretsOfBeforeAreSealedAndTheSlackUrlMasked() {
        UUID webhook = insert("webhook", "{\"url\":\"https://hooks.example.com/a\"}", "whsec_legacy", null);
        UUID slack = insert("slack", "{\"url\":\"https://hooks.slack.com/services/T111/B111/LEGACYSECRET\"}", null, null);

        int sealed = legacy.sealAll().await().atMost(WAIT);
        assertTrue(sealed >= 2, "sealed " + sealed);
        assertNull(row(webhook.toString()).getString("legacy_secret"));
        assertEquals("whsec_legacy", secrets.open(channel(webhook)));
        assertEquals("https://hooks.slack.com/services/T111/B111/LEGACYSECRET", secrets.open(channel(slack)));
        assertFalse(row(slack.toString()).getString("config").contains("LEGACYSECRET"));
        assertEquals(0, legacy.sealAll().await().atMost(WAIT), "nothing left to seal");
    }

    @Test
    void rotationMovesSecretsSealedWithThePreviousKeyToTheCurrentOneWhileRunning() {
        SecretBox old = new SecretBox(OLD_KEY, List.of());
        UUID id = UUID.randomUUID();
        insertWithId(id, "webhook", "{\"url\":\"https://hooks.example.com/b\"}", null,
                old.encrypt("whsec_before_rotation", "notification-channel:" + id));
        assertEquals("whsec_before_rotation", secrets.open(channel(id)), "the previous key still opens it");

        assertTrue(rotation.resealAll().await().atMost(WAIT) >= 1);
        String resealed = row(id.toString()).getString("sealed_secret");
        SecretBox currentOnly = new SecretBox(currentKey, List.of());
        assertTrue(resealed.startsWith(currentOnly.currentPrefix()), resealed);
        assertEquals("whsec_before_rotation", currentOnly.decrypt(resealed, "notification-channel:" + id),
                "the previous key is no longer needed");
        assertThrows(IllegalArgumentException.class, () -> old.decrypt(resealed, "notification-channel:" + id));
        notCurrentIs(0);
    }

    @Test
    void aSecretUnderAKeyTheDeploymentLacksIsCountedAndLeftAsItIs() {
        SecretBox unknown = new SecretBox("dW5rbm93bi1rZXktdGhhdC1pcy0zMi1ieXRlcy1sb24=", List.of());
        UUID id = UUID.randomUUID();
        String sealed = unknown.encrypt("whsec_lost", "notification-channel:" + id);
        insertWithId(id, "webhook", "{\"url\":\"https://hooks.example.com/c\"}", null, sealed);
        try {
            rotation.resealAll().await().atMost(WAIT);
            assertEquals(sealed, row(id.toString()).getString("sealed_secret"));
            notCurrentIs(1);
        } finally {
            pool.preparedQuery("DELETE FROM notification_channel WHERE id = $1").execute(Tuple.of(id)).await().atMost(WAIT);
        }
        rotation.resealAll().await().atMost(WAIT);
        notCurrentIs(0);
    }

    private void notCurrentIs(int count) {
        given().when().get("/q/metrics").then().body(matchesPattern(
                "(?s).*sre_secrets_not_current\\{column=\"notification_channel.sealed_secret\"[^}]*} " + count + "\\.0\\b.*"));
    }

    private UUID insert(String type, String config, String legacySecret, String sealed) {
        UUID id = UUID.randomUUID();
        insertWithId(id, type, config, legacySecret, sealed);
        return id;
    }

    private void insertWithId(UUID id, String type, String config, String legacySecret, String sealed) {
        pool.preparedQuery(INSERT).execute(Tuple.from(List.of(id, admin.tenantId(), admin.projectId(), type + "-" + id,
                type, new JsonObject(config))).addValue(legacySecret).addValue(sealed)).await().atMost(WAIT);
    }

    private Row row(String id) {
        return pool.preparedQuery("SELECT legacy_secret, sealed_secret, config::text AS config FROM notification_channel WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next();
    }

    private NotificationChannel channel(UUID id) {
        NotificationChannel channel = new NotificationChannel();
        channel.id = id;
        channel.sealedSecret = row(id.toString()).getString("sealed_secret");
        return channel;
    }
}

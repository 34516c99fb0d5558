package io.srecopilot.incidents.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.incidents.AiEvents;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Channels, routing, signed webhooks with retries, Slack, e-mail, the delivery log and SSRF checks. */
@QuarkusTest
@QuarkusTestResource(SmtpReceiver.class)
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestCaller admin = TestCaller.newTenant(Role.ADMIN);
    private final TestCaller engineer = admin.withRole(Role.ENGINEER);

    @Test
    void aWebhookIsSignedRetriedWithBackoffUntilItIsAcceptedAndLogged() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(503, 500)) {
            ValidatableResponse created = createChannel(Map.of("name", "pager", "type", "webhook",
                    "url", receiver.url("/hooks/sre?token=abc"))).statusCode(201)
                    .body("url", equalTo(receiver.url("/hooks/sre")))
                    .body("hasSigningSecret", equalTo(true))
                    .body("signingSecret", startsWith("whsec_"));
            String secret = created.extract().path("signingSecret");
            String channelId = created.extract().path("id");
            channel(channelId).body("signingSecret", nullValue());

            String incidentId = declare("Checkout down", "critical", "checkout");
            await().atMost(WAIT).until(() -> receiver.received().size() == 3);
            for (HttpReceiver.Request request : receiver.received()) {
                String expected = "sha256=" + WebhookSender.sign(secret,
                        request.header(WebhookSender.TIMESTAMP) + "." + request.body());
                assertEquals(expected, request.header(WebhookSender.SIGNATURE), "every attempt is signed");
                assertThat(request.body(), containsString("\"eventType\":\"incident.created\""));
                assertThat(request.body(), containsString("\"reference\":\"INC-1\""));
            }
            assertEquals("/hooks/sre", receiver.received().get(0).path());

            await().atMost(WAIT).untilAsserted(() -> deliveries(channelId).body("items[0].status", equalTo("delivered")));
            deliveries(channelId).body("items[0].attempts", equalTo(3)).body("items[0].responseStatus", equalTo(200))
                    .body("items[0].incidentId", equalTo(incidentId));
            timeline(incidentId).body("items.find { it.kind == 'notification' }.message", equalTo("Notified pager (webhook)"))
                    .body("items.find { it.kind == 'notification' }.actor.id", equalTo("notifications"));
            await().atMost(WAIT).until(() -> !TestStream.published(admin.tenantId().toString(), "notification.sent").isEmpty());
        }
    }

    @Test
    void aClientErrorFailsAtOnceAndPersistentServerErrorsFailAfterTheLastAttempt() throws Exception {
        try (HttpReceiver refusing = new HttpReceiver(400); HttpReceiver down = new HttpReceiver(503, 503, 503, 503, 503)) {
            String refusingId = createChannel(Map.of("name", "refusing", "type", "webhook", "url", refusing.url("/")))
                    .extract().path("id");
            String downId = createChannel(Map.of("name", "down", "type", "webhook", "url", down.url("/")))
                    .extract().path("id");
            String incidentId = declare("Queue stuck", "high", "orders");

            await().atMost(WAIT).untilAsserted(() -> deliveries(refusingId).body("items[0].status", equalTo("failed")));
            // The receiver answers "try later", but it is an internal (loopback) target: its answer is not shown.
            deliveries(refusingId).body("items[0].attempts", equalTo(1))
                    .body("items[0].lastError", equalTo("HTTP 400: " + HttpPoster.WITHHELD));
            await().atMost(WAIT).untilAsserted(() -> deliveries(downId).body("items[0].status", equalTo("failed")));
            deliveries(downId).body("items[0].attempts", equalTo(4));
            assertEquals(4, down.received().size());
            timeline(incidentId).body("items.findAll { it.kind == 'notification' }.message",
                    hasItem("Notifying down (webhook) failed after 4 attempts: HTTP 503: " + HttpPoster.WITHHELD));
            await().atMost(WAIT).until(() -> TestStream.published(admin.tenantId().toString(), "notification.failed").size() == 2);
        }
    }

    @Test
    void routingBySeverityServiceAndEventDecidesWhatAChannelGets() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver()) {
            String channelId = createChannel(Map.of("name", "payments-critical", "type", "webhook", "url", receiver.url("/"),
                    "routing", Map.of("minSeverity", "high", "services", List.of("payments"),
                            "events", List.of("incident.transitioned")))).statusCode(201)
                    .body("routing.minSeverity", equalTo("high")).extract().path("id");
            String low = declare("Payments slow", "low", "payments");
            String otherService = declare("Search down", "critical", "search");
            String routed = declare("Payments down", "critical", "payments");
            for (String id : List.of(low, otherService, routed)) {
                given().auth().oauth2(engineer.token()).contentType("application/json").body(Map.of("to", "ACKNOWLEDGED"))
                        .when().post("/api/v1/incidents/" + id + "/transitions").then().statusCode(200);
            }
            await().atMost(WAIT).untilAsserted(() -> deliveries(channelId).body("items.size()", equalTo(1)));
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received().get(0).body(), containsString("\"to\":\"ACKNOWLEDGED\""));
            assertThat(receiver.received().get(0).body(), containsString("Payments down"));
        }
    }

    @Test
    void slackGetsAnEscapedSummaryAndEmailGoesThroughSmtp() throws Exception {
        try (HttpReceiver slack = new HttpReceiver()) {
            createChannel(Map.of("name", "slack", "type", "slack", "url", slack.url("/services/T000/B000/XXXX")))
                    .statusCode(201).body("url", equalTo(slack.url("/services/T0") + "…"));
            createChannel(Map.of("name", "oncall mail", "type", "email", "to", List.of("oncall@example.com")))
                    .statusCode(201).body("to", equalTo(List.of("oncall@example.com")));
            String id = declare("Checkout <!channel> & 500s", "critical", "checkout");

            await().atMost(WAIT).until(() -> slack.received().size() == 1);
            String text = slack.received().get(0).body();
            assertThat(text, containsString("INC-1 critical · checkout: Checkout &lt;!channel&gt; &amp; 500s — opened"));
            assertThat(text, containsString("http://localhost:5173/incidents/" + id));
            await().atMost(WAIT).until(() -> SmtpReceiver.messages().stream().anyMatch(message -> message.contains(id)));
            String mail = SmtpReceiver.messages().stream().filter(message -> message.contains(id)).findFirst().orElseThrow();
            assertThat(mail, containsString("oncall@example.com"));
            // The subject is RFC 2047-encoded (it is not all ASCII) and stays one header.
            assertThat(mail, containsString("Subject: =?UTF-8?Q?[SRE_Copilot]_INC-1_critical_"));
        }
    }

    @Test
    void sendTestQueuesAMessageThatShowsInTheDeliveryLog() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver()) {
            String channelId = createChannel(Map.of("name", "test me", "type", "webhook", "url", receiver.url("/")))
                    .extract().path("id");
            given().auth().oauth2(admin.token()).when().post("/api/v1/notification-channels/" + channelId + "/test")
                    .then().statusCode(202).body("eventType", equalTo("notification.test")).body("status", equalTo("pending"));
            await().atMost(WAIT).untilAsserted(() -> deliveries(channelId).body("items[0].status", equalTo("delivered")));
            assertThat(receiver.received().get(0).body(), containsString("notification.test"));
        }
    }

    @Test
    void unsafeOrIncompleteChannelsAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://metadata.google.internal/x",
                "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "ftp://example.com/x", "http://user:pw@example.com/",
                "http://0.0.0.0:8080/", "not a url")) {
            createChannel(Map.of("name", "bad", "type", "webhook", "url", url)).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        createChannel(Map.of("name", "mail", "type", "email")).statusCode(400).body("errors[0].field", equalTo("to"));
        createChannel(Map.of("name", "mail", "type", "email", "to", List.of("not-an-address"))).statusCode(400);
        createChannel(Map.of("name", "x", "type", "webhook", "url", "https://example.com/h",
                "routing", Map.of("events", List.of("incident.exploded")))).statusCode(400)
                .body("errors[0].field", equalTo("routing.events"));
        createChannel(Map.of("name", "x", "type", "pigeon", "url", "https://example.com/h")).statusCode(400);
        createChannel(Map.of("name", "dup", "type", "webhook", "url", "https://example.com/h")).statusCode(201);
        createChannel(Map.of("name", "dup", "type", "webhook", "url", "https://example.com/h")).statusCode(409);
    }

    @Test
    void channelsAreForAdminsOfTheirProjectOnly() {
        String id = createChannel(Map.of("name", "guarded", "type", "webhook", "url", "https://example.com/h"))
                .extract().path("id");
        given().when().get("/api/v1/notification-channels").then().statusCode(401);
        given().auth().oauth2(engineer.token()).when().get("/api/v1/notification-channels").then().statusCode(403);
        given().auth().oauth2(engineer.token()).when().post("/api/v1/notification-channels/" + id + "/test").then()
                .statusCode(403);
        for (TestCaller stranger : List.of(TestCaller.newTenant(Role.OWNER), admin.inAnotherProject())) {
            for (String path : List.of("", "/deliveries")) {
                given().auth().oauth2(stranger.token()).when().get("/api/v1/notification-channels/" + id + path).then()
                        .statusCode(404);
            }
            given().auth().oauth2(stranger.token()).when().delete("/api/v1/notification-channels/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().post("/api/v1/notification-channels/" + id + "/test").then()
                    .statusCode(404);
            given().auth().oauth2(stranger.token()).contentType("application/json")
                    .body(Map.of("name", "stolen", "type", "webhook", "url", "https://example.com/h"))
                    .when().put("/api/v1/notification-channels/" + id).then().statusCode(404);
            given().auth().oauth2(stranger.token()).when().get("/api/v1/notification-channels").then()
                    .body("items.size()", equalTo(0));
        }
        given().auth().oauth2(admin.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("name", "renamed", "type", "webhook", "url", "https://example.com/h2", "enabled", false))
                .when().put("/api/v1/notification-channels/" + id).then().statusCode(200)
                .body("name", equalTo("renamed")).body("enabled", equalTo(false)).body("hasSigningSecret", equalTo(true));
        given().auth().oauth2(admin.token()).when().delete("/api/v1/notification-channels/" + id).then().statusCode(204);
        channel(id).statusCode(404);
        assertTrue(TestStream.published(admin.tenantId().toString(), "notification.channel_created").size() <= 1);
    }

    @Test
    void anEnforcedNotifyDecisionSendsToTheNamedChannelOnlyAndAnUnknownChannelIsSaidSo() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver()) {
            // The channel's routing would ignore this low incident; a policy's notify names the channel itself.
            createChannel(Map.of("name", "db-oncall", "type", "webhook", "url", receiver.url("/page"),
                    "routing", Map.of("minSeverity", "critical"))).statusCode(201);
            String incidentId = declare("Orders slow", "low", "orders");

            TestStream.append(notifyDecision(incidentId, "db-oncall"));
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            assertTrue(receiver.received().get(0).body().contains("page-the-dba"), receiver.received().get(0).body());
            await().atMost(WAIT).untilAsserted(() -> timeline(incidentId)
                    .body("items.find { it.kind == 'policy' }.message", equalTo("Policy page-the-dba notified db-oncall")));

            TestStream.append(notifyDecision(incidentId, "nobody"));
            await().atMost(WAIT).untilAsserted(() -> timeline(incidentId).body("items.findAll { it.kind == 'policy' }"
                    + ".message", hasItem("Policy page-the-dba decided to notify nobody, not applied:"
                            + " the project has no enabled channel by that id or name")));
        }
    }

    private EventEnvelope notifyDecision(String incidentId, String channel) {
        return AiEvents.decided(admin, incidentId, "page-the-dba", "notify", null, "enforce", null, channel);
    }

    private ValidatableResponse createChannel(Map<String, Object> body) {
        return given().auth().oauth2(admin.token()).contentType("application/json").body(body)
                .when().post("/api/v1/notification-channels").then();
    }

    private ValidatableResponse channel(String id) {
        return given().auth().oauth2(admin.token()).when().get("/api/v1/notification-channels/" + id).then();
    }

    private ValidatableResponse deliveries(String channelId) {
        return given().auth().oauth2(admin.token()).when().get("/api/v1/notification-channels/" + channelId + "/deliveries")
                .then().statusCode(200);
    }

    private ValidatableResponse timeline(String incidentId) {
        return given().auth().oauth2(admin.token()).when().get("/api/v1/incidents/" + incidentId + "/timeline").then();
    }

    private String declare(String title, String severity, String service) {
        return given().auth().oauth2(engineer.token()).contentType("application/json")
                .body(Map.of("title", title, "severity", severity, "service", service))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }
}

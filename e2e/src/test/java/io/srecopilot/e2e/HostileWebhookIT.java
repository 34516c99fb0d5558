package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and broken bodies on the ways in (Alertmanager webhook, generic events, changes): each is
 * answered with a 4xx problem — never a 5xx, which Alertmanager would retry forever — and leaves
 * nothing written. Text that is odd but valid Unicode is accepted and stored as sent; a NUL or a
 * lone surrogate, which PostgreSQL cannot store, becomes U+FFFD rather than cost the alert.
 */
@ExtendWith(RunningStack.class)
class HostileWebhookIT {

    private static final String VALID_ALERT = """
            {"status":"firing","labels":{"alertname":"%s","service":"fuzz"},"annotations":{},
             "startsAt":"2026-11-30T06:00:00Z","fingerprint":"%s"}""";

    @Test
    void brokenAndHostileBodiesAreRefusedWith4xxAndWriteNothing(Stack stack) {
        Tenant team = Tenant.register(stack, "Fuzzed");
        String key = team.createApiKey(List.of("ingest:write")).path("key");
        team.sendAlerts(key, Notifications.checkoutFailing("{}:{run=\"fuzz-first\"}")).then().statusCode(200);
        List<String> before = team.storedFingerprints();

        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("cut-off JSON", "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[");
        bodies.put("a JSON array", "[1,2,3]");
        bodies.put("JSON null", "null");
        bodies.put("nested 50,000 deep", "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[" + "[".repeat(50_000)
                + "]".repeat(50_000) + "]}");
        bodies.put("fields of the wrong type", "{\"version\":4,\"groupKey\":[\"g\"],\"alerts\":\"many\"}");
        bodies.put("an alert of the wrong shape", notification("[{\"status\":\"firing\",\"labels\":\"x\","
                + "\"startsAt\":\"yesterday\"}]"));
        bodies.put("a number too big", "{\"version\":\"4\",\"groupKey\":\"g\",\"truncatedAlerts\":1e400,\"alerts\":["
                + VALID_ALERT.formatted("Big", "fuzz-big") + "]}");
        bodies.put("2 MiB of alerts", notification("[" + (VALID_ALERT.formatted("Huge", "fuzz-huge") + ",")
                .repeat(2 * 1024 * 1024 / VALID_ALERT.length()) + VALID_ALERT.formatted("Huge", "fuzz-huge-last") + "]"));

        List<String> failures = new ArrayList<>();
        for (String path : List.of("/api/v1/ingest/alertmanager", "/api/v1/ingest/events", "/api/v1/ingest/changes")) {
            bodies.forEach((what, body) -> {
                Response answer = postRaw(stack, key, path, body);
                int status = answer.statusCode();
                if (status < 400 || status >= 500 || status == 401 || status == 403
                        || !answer.contentType().startsWith("application/problem+json")) {
                    failures.add(path + " with " + what + ": " + status + " " + answer.contentType() + " "
                            + answer.asString().substring(0, Math.min(200, answer.asString().length())));
                }
            });
        }
        assertEquals(List.of(), failures, "every hostile body answered with a 4xx problem");
        assertEquals(before, team.storedFingerprints(), "nothing written");
    }

    @Test
    void aNulOrALoneSurrogateIsStoredAsTheReplacementCharacterNotRefused(Stack stack) {
        Tenant team = Tenant.register(stack, "Unstorable");
        String key = team.createApiKey(List.of("ingest:write")).path("key");
        String body = notification("[" + VALID_ALERT.formatted("Nul\\u0000Name", "fuzz-nul") + ","
                + VALID_ALERT.formatted("Lone\\ud800", "fuzz-lone") + "]");
        Response answer = postRaw(stack, key, "/api/v1/ingest/alertmanager", body);
        assertEquals(200, answer.statusCode(), answer.asString());
        List<String> names = given().baseUri(stack.url("ingest")).auth().oauth2(team.token).when()
                .get("/api/v1/signals").then().statusCode(200).extract().path("items.alertname");
        assertTrue(names.containsAll(List.of("Nul\uFFFDName", "Lone\uFFFD")), names.toString());
    }

    @Test
    void oddButValidUnicodeIsStoredAsSent(Stack stack) {
        Tenant team = Tenant.register(stack, "Unicode");
        String key = team.createApiKey(List.of("ingest:write")).path("key");
        String name = "Latency\u202Etxt.exe 🔥 ज़ \u200D\uFEFF é";
        team.sendAlerts(key, Map.of("version", "4", "groupKey", "{}:{run=\"unicode\"}", "status", "firing",
                "alerts", List.of(Map.of("status", "firing", "labels", Map.of("alertname", name, "service", "ünï"),
                        "startsAt", "2026-11-30T06:00:00Z", "fingerprint", "unicode-1")))).then().statusCode(200);
        given().baseUri(stack.url("ingest")).auth().oauth2(team.token).when().get("/api/v1/signals").then()
                .statusCode(200).body("items[0].alertname", org.hamcrest.Matchers.equalTo(name));
        assertTrue(team.storedFingerprints().contains("unicode-1"));
    }

    private static Response postRaw(Stack stack, String apiKey, String path, String body) {
        return given().baseUri(stack.url("ingest")).header("Authorization", "Bearer " + apiKey)
                .contentType("application/json").body(body).when().post(path);
    }

    private static String notification(String alerts) {
        return "{\"version\":\"4\",\"groupKey\":\"{}:{run=\\\"fuzz\\\"}\",\"status\":\"firing\",\"receiver\":\"r\","
                + "\"alerts\":" + alerts + "}";
    }
}

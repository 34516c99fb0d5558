package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant's audit trail as its owner or admin reads it at audit. */
public final class AuditTrail {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private AuditTrail() {
    }

    /**
     * Waits until each request (by request id, with what it was for the failure message) is in the
     * trail the token reads as a request refused with the status.
     */
    public static void awaitRefusals(Stack stack, String token, int status, Map<String, ?> requests) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> missing = new HashSet<>(requests.keySet());
            refusedRequestIds(stack, token, status).forEach(missing::remove);
            assertEquals(Set.of(), missing.stream().map(requests::get).map(String::valueOf).collect(Collectors.toSet()),
                    "refused requests (" + status + ") without an audit record");
        });
    }

    private static List<String> refusedRequestIds(Stack stack, String token, int status) {
        return Pages.collect(() -> given().baseUri(stack.url("audit")).auth().oauth2(token)
                .queryParam("action", "http.request"), "/api/v1/audit",
                "items.findAll { it.data.status == " + status + " && it.data.outcome == 'refused' }.data.requestId");
    }

    /** How many records of each action the trail holds. */
    public static Map<String, Long> actionCounts(Stack stack, String token) {
        List<String> actions = Pages.collect(() -> given().baseUri(stack.url("audit")).auth().oauth2(token),
                "/api/v1/audit", "items.action");
        return actions.stream().collect(Collectors.groupingBy(action -> action, Collectors.counting()));
    }

    /** How many records of the action the trail holds. */
    public static int count(Stack stack, String token, String action) {
        return Pages.collect(() -> given().baseUri(stack.url("audit")).auth().oauth2(token)
                .queryParam("action", action), "/api/v1/audit", "items.id").size();
    }
}

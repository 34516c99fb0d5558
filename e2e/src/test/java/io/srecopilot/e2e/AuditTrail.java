package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
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
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(stack.url("audit")).auth().oauth2(token)
                    .queryParam("action", "http.request").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/audit");
            page.then().statusCode(200);
            ids.addAll(page.path("items.findAll { it.data.status == " + status
                    + " && it.data.outcome == 'refused' }.data.requestId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}

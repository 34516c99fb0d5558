package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A team with one of everything the API names by id — API key, invitation, incident (from real
 * alerts, so it has signals, a group, an analysis and a hypothesis), notification channel, policy,
 * runbook, change, Prometheus integration with a library query template, correlation rule, declared
 * call edge — each id
 * filed under the collection its path names it in ("/incidents/{id}" → "incidents").
 */
public final class TeamEstate {

    private static final Duration WAIT = Duration.ofSeconds(60);
    public static final String LIBRARY_TEMPLATE = "golden-latency-p99";

    public final Tenant team;
    private final Stack stack;
    private final Map<String, String> ids = new HashMap<>();

    private TeamEstate(Stack stack, Tenant team) {
        this.stack = stack;
        this.team = team;
    }

    public static TeamEstate furnish(Stack stack, String name) {
        TeamEstate estate = new TeamEstate(stack, Tenant.register(stack, name));
        estate.furnish();
        return estate;
    }

    /** The id filed under the collection; fails for a collection the estate has nothing in. */
    public String idIn(String collection) {
        String id = ids.get(collection);
        if (id == null) {
            throw new AssertionError("The estate holds nothing in '" + collection + "': add it to TeamEstate");
        }
        return id;
    }

    private void furnish() {
        ids.put("projects", team.projectId);
        ids.put("members", get("auth", "/api/v1/auth/me").path("user.id"));
        Response key = team.createApiKey(List.of("ingest:write"));
        ids.put("api-keys", key.path("id"));
        ids.put("invitations", post("auth", "/api/v1/projects/" + team.projectId + "/members",
                Map.of("email", "invited-" + System.nanoTime() + "@example.com", "role", "viewer")).path("invitation.id"));

        team.sendAlerts(key.path("key"), Notifications.checkoutFailing("{}:{estate=\"" + team.tenantId + "\"}"))
                .then().statusCode(200);
        await().atMost(WAIT).until(() -> get("incidents", "/api/v1/incidents").path("items.size()").equals(1));
        String incident = get("incidents", "/api/v1/incidents").path("items[0].id");
        ids.put("incidents", incident);
        Response signals = get("ingest", "/api/v1/signals");
        ids.put("signals", signals.path("items[0].id"));
        ids.put("groups", signals.path("items[0].alertGroupId"));
        await().atMost(WAIT).until(() -> "completed".equals(get("ai", "/api/v1/ai/incidents/" + incident + "/analysis")
                .path("status")));
        Response analysis = get("ai", "/api/v1/ai/incidents/" + incident + "/analysis");
        ids.put("analyses", analysis.path("id"));
        ids.put("hypotheses", analysis.path("hypotheses[0].id"));

        ids.put("notification-channels", post("incidents", "/api/v1/notification-channels",
                Map.of("name", "hook", "type", "webhook", "url", "https://hooks.example.com/sre")).path("id"));
        ids.put("policies", post("ai", "/api/v1/ai/policies", Map.of("name", "review", "condition",
                "confidence > 0.9", "actions", List.of(Map.of("type", "request_human_review")))).path("id"));
        ids.put("runbooks", post("ai", "/api/v1/ai/runbooks",
                Map.of("title", "Restart", "steps", "1. Restart the pods", "riskLevel", "low")).path("id"));
        ids.put("changes", post("ingest", "/api/v1/ingest/changes",
                Map.of("service", "checkout", "type", "deploy", "version", "1.2.3")).path("id"));
        String integration = post("ingest", "/api/v1/integrations",
                Map.of("type", "prometheus", "name", "prom", "url", "http://127.0.0.1:9")).path("id");
        ids.put("integrations", integration);
        ids.put("library", LIBRARY_TEMPLATE);
        ids.put("query-templates", post("ingest", "/api/v1/integrations/" + integration
                + "/query-templates/library/" + LIBRARY_TEMPLATE, null).path("id"));
        ids.put("correlation-rules", post("ingest", "/api/v1/signals/correlation-rules",
                Map.of("name", "by service", "labelNames", List.of("service"), "windowSeconds", 300)).path("id"));
        ids.put("edges", post("ingest", "/api/v1/topology/edges", Map.of("caller", "frontend", "callee", "checkout"))
                .path("id"));
        ids.values().forEach(id -> {
            if (id == null) {
                throw new AssertionError("A resource of the estate was not created: " + ids);
            }
        });
    }

    private Response get(String service, String path) {
        return given().baseUri(stack.url(service)).auth().oauth2(team.token).when().get(path);
    }

    private Response post(String service, String path, Object body) {
        var request = given().baseUri(stack.url(service)).auth().oauth2(team.token);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        Response created = request.when().post(path);
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new AssertionError("POST " + path + " answered " + created.statusCode() + ": " + created.asString());
        }
        return created;
    }
}

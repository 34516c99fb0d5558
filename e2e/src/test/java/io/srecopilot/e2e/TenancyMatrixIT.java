package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation that names a resource by id, from the services' OpenAPI documents, called with
 * the ids of a team's real resources by someone outside their project — the owner of another
 * tenant, and the team's own owner acting in another project of the same tenant. Each answers 404
 * problem+json, exactly as for an id that never existed (so ids cannot be probed), and each refusal
 * is in the caller's audit trail with the request's id. As a control, the team's owner reads every
 * one of those resources (so the ids are real and a 404 means "not yours"); and what the owner reads
 * is the same after the probe as before it, so no refused write changed anything.
 */
@ExtendWith(RunningStack.class)
class TenancyMatrixIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> MACHINE_FIELDS = List.of("nextRunAt", "lastRunAt", "lastError", "failures",
            "health");

    @Test
    void anotherTenantsIdsAreNotFoundOnEveryEndpointAndEachRefusalIsAudited(Stack stack) {
        TeamEstate victim = TeamEstate.furnish(stack, "Victim");
        Tenant intruder = Tenant.register(stack, "Intruder");

        Map<String, ApiOperation> refusals = probeEveryOperation(stack, victim, intruder.token);
        AuditTrail.awaitRefusals(stack, intruder.token, 404, refusals);
    }

    @Test
    void anotherProjectsIdsAreNotFoundOnEveryEndpointAndEachRefusalIsAudited(Stack stack) {
        TeamEstate victim = TeamEstate.furnish(stack, "Two projects");
        String otherProject = given().baseUri(stack.url("auth")).auth().oauth2(victim.team.token)
                .contentType("application/json").body(Map.of("name", "Elsewhere")).when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        String ownerElsewhere = given().baseUri(stack.url("auth")).auth().oauth2(victim.team.token)
                .contentType("application/json").body(Map.of("projectId", otherProject)).when()
                .post("/api/v1/auth/switch-project").then().statusCode(200).extract().path("accessToken");

        Map<String, ApiOperation> refusals = probeEveryOperation(stack, victim, ownerElsewhere);
        AuditTrail.awaitRefusals(stack, ownerElsewhere, 404, refusals);
    }

    /** Calls each id-naming operation with the estate's ids; answers the refusals by request id. */
    private static Map<String, ApiOperation> probeEveryOperation(Stack stack, TeamEstate victim, String token) {
        List<ApiOperation> operations = ApiCatalog.of(stack).stream()
                .filter(operation -> operation.secured() && operation.namesResources()).toList();
        assertTrue(operations.size() >= 50, "the catalog lists the id-naming operations: " + operations.size());
        Map<String, String> before = ownersView(stack, victim, operations);

        Map<String, ApiOperation> refusals = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (ApiOperation operation : operations) {
            String requestId = "tenancy-" + UUID.randomUUID();
            String body = operation.bodyType() == null ? null : SampleBodies.of(operation, victim::idIn);
            Response answer = ApiCalls.call(stack, operation, operation.pathWith(victim::idIn), token, body, requestId);
            if (answer.statusCode() != 404 || !answer.contentType().startsWith("application/problem+json")) {
                failures.add(operation + " answered " + answer.statusCode() + " " + answer.asString());
            }
            refusals.put(requestId, operation);
        }
        assertEquals(List.of(), failures, "operations that did not answer 404 to ids outside the caller's project");
        assertEquals(before, ownersView(stack, victim, operations), "the refused calls changed what the owner reads");
        return refusals;
    }

    /**
     * The answer without what the platform itself rewrites as time passes, whoever calls: the
     * poller's bookkeeping of query templates and the health of the integration it polls.
     */
    private static String withoutMachineFields(String body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            strip(tree);
            return tree.toString();
        } catch (JsonProcessingException notJson) {
            return body; // the postmortem's Markdown, a CSV
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(MACHINE_FIELDS);
        }
        node.forEach(TenancyMatrixIT::strip);
    }

    /** What the estate's owner reads at every id-naming GET, by operation; each must be found (the control). */
    private static Map<String, String> ownersView(Stack stack, TeamEstate victim, List<ApiOperation> operations) {
        Map<String, String> view = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        for (ApiOperation operation : operations) {
            // The estate's incident has no postmortem (one is written after resolving): nothing to read there.
            if (!operation.method().equals("GET") || !operation.allows("owner") || operation.path().contains("/postmortem")) {
                continue;
            }
            Response answer = ApiCalls.call(stack, operation, operation.pathWith(victim::idIn), victim.team.token, null);
            if (answer.statusCode() != 200) {
                unreadable.add(operation + " answered its owner " + answer.statusCode() + " " + answer.asString());
            }
            view.put(operation.key(), withoutMachineFields(answer.asString()));
        }
        assertEquals(List.of(), unreadable, "the owner reads every resource the probe names (the ids are real)");
        assertTrue(view.size() >= 15, "the control read the estate's resources: " + view.keySet());
        return view;
    }
}

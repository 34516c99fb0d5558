package io.srecopilot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role matrix of every secured operation the services' OpenAPI documents list, against the
 * roles the product means them to need ({@link RolePolicy}, written apart from the annotations):
 * each document states that role; without a token each answers 401; each project role weaker
 * answers 403 (audited as a refusal); each role at least as strong gets past the role check and
 * is answered without a server error. Ids in paths are fresh, so a permitted call ends at "not
 * found" and the matrix changes nothing that exists. Operations only services may call refuse
 * every user role.
 */
@ExtendWith(RunningStack.class)
class RoleMatrixIT {

    @Test
    void everySecuredOperationAdmitsExactlyTheRolesItDocuments(Stack stack) {
        Tenant team = Tenant.register(stack, "Roles");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of("viewer", "engineer", "admin")) {
            tokens.put(role, team.memberWithRole(role));
        }
        tokens.put("owner", team.token);
        List<ApiOperation> operations = ApiCatalog.of(stack).stream().filter(ApiOperation::secured).toList();
        assertTrue(operations.size() >= 90, "the catalog lists the secured operations: " + operations.size());

        RolePolicy policy = RolePolicy.load();
        List<String> failures = new ArrayList<>();
        Map<String, String> forbidden = new HashMap<>();
        for (ApiOperation operation : operations) {
            String expected = policy.expectedRole(operation);
            if (!expected.equals(operation.role())) {
                failures.add(operation + " is documented as needing " + operation.role() + ", meant to need " + expected);
            }
            String path = operation.pathWith(collection -> UUID.randomUUID().toString());
            Response anonymous = ApiCalls.call(stack, operation, path, null, body(operation));
            expect(failures, operation + " without a token", anonymous, 401);
            tokens.forEach((role, token) -> {
                String requestId = "roles-" + UUID.randomUUID();
                Response answer = ApiCalls.call(stack, operation, path, token, body(operation), requestId);
                if (RolePolicy.admits(expected, role)) {
                    if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() >= 500) {
                        failures.add(operation + " as " + role + " (needs " + expected + ") answered "
                                + answer.statusCode() + " " + answer.asString());
                    }
                } else {
                    expect(failures, operation + " as " + role + " (needs " + expected + ")", answer, 403);
                    forbidden.put(requestId, operation + " as " + role);
                }
            });
        }
        assertEquals(List.of(), failures);
        AuditTrail.awaitRefusals(stack, team.token, 403, forbidden);
    }

    private static String body(ApiOperation operation) {
        if (operation.bodyType() == null) {
            return null;
        }
        return operation.takesJson() ? SampleBodies.of(operation, collection -> UUID.randomUUID().toString()) : "";
    }

    private static void expect(List<String> failures, String what, Response answer, int status) {
        if (answer.statusCode() != status || !answer.contentType().startsWith("application/problem+json")) {
            failures.add(what + " answered " + answer.statusCode() + " " + answer.contentType() + " " + answer.asString());
        }
    }
}

package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of every service's REST API, read from the OpenAPI documents the running services
 * serve ({@code /q/openapi}), so the security tests cover an endpoint the day it is added. The role
 * an operation needs is its {@code security} requirement, which Quarkus derives from
 * {@code @RolesAllowed}; API-key scopes listed beside a role (ingest's {@code ingest:write}) are
 * not users' roles and are left out.
 */
public final class ApiCatalog {

    /** The services with a REST API (realtime serves WebSockets, tested on their own). */
    public static final List<String> SERVICES = List.of("auth", "incidents", "ai", "ingest", "audit");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiCatalog() {
    }

    public static List<ApiOperation> of(Stack stack) {
        List<ApiOperation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            String document = given().baseUri(stack.url(service)).queryParam("format", "json").when()
                    .get("/q/openapi").then().statusCode(200).extract().asString();
            operations.addAll(operationsOf(service, read(document)));
        }
        return operations;
    }

    private static List<ApiOperation> operationsOf(String service, JsonNode document) {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                JsonNode operation = entry.getValue();
                operations.add(new ApiOperation(service, entry.getKey().toUpperCase(), path.getKey(),
                        roleOf(operation.path("security")), bodyTypeOf(operation.path("requestBody"))));
            }
        }));
        return operations;
    }

    private static final java.util.Set<String> SERVICE_SCOPES = java.util.Set.of("apikeys:introspect", "context:read");

    /** The weakest user role among the requirements; "service" when only the service role or scopes are named. */
    private static String roleOf(JsonNode security) {
        String weakest = null;
        for (JsonNode requirement : security) {
            for (Iterator<Map.Entry<String, JsonNode>> schemes = requirement.fields(); schemes.hasNext(); ) {
                for (JsonNode role : schemes.next().getValue()) {
                    // A service token's scope (platform Scopes) is a call only services make.
                    String name = SERVICE_SCOPES.contains(role.asText()) ? "service" : role.asText();
                    int rank = ApiOperation.USER_ROLES.indexOf(name);
                    if (rank >= 0 && (weakest == null || "service".equals(weakest)
                            || rank < ApiOperation.USER_ROLES.indexOf(weakest))) {
                        weakest = name;
                    } else if ("service".equals(name) && weakest == null) {
                        weakest = name;
                    }
                }
            }
        }
        return weakest;
    }

    /** The body's media type, JSON first when it takes several; null when it takes none. */
    private static String bodyTypeOf(JsonNode body) {
        if (body.isMissingNode()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        body.path("content").fieldNames().forEachRemaining(types::add);
        return types.contains("application/json") ? "application/json" : types.isEmpty() ? null : types.get(0);
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An OpenAPI document that is not JSON", e);
        }
    }
}

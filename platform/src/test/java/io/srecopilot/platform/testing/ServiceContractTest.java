package io.srecopilot.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service promises operators, inherited by each service's boot test: it is live and
 * ready (with its database and Redis checks), exports Prometheus metrics, documents its API and,
 * when it owns a schema, has migrated it.
 */
public abstract class ServiceContractTest {

    private static final String REACTIVE_PG_CHECK = "Reactive PostgreSQL connections health check";

    private final String apiPrefix;
    private final List<String> migrationVersions;

    /**
     * @param apiPrefix what the service's OpenAPI document must describe, e.g. {@code /api/v1/audit};
     *        null for a service without a REST API
     * @param migrationVersions the service's own Flyway versions (platform's 0.1 and 0.2 are checked
     *        too); none for a service without a schema
     */
    protected ServiceContractTest(String apiPrefix, String... migrationVersions) {
        this.apiPrefix = apiPrefix;
        this.migrationVersions = List.of(migrationVersions);
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDatabaseAndRedisChecked() {
        List<String> checks = new ArrayList<>(List.of("redis"));
        if (!migrationVersions.isEmpty()) {
            checks.add(REACTIVE_PG_CHECK);
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(checks.toArray(String[]::new)));
    }

    @Test
    void exportsPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("process_uptime_seconds"));
    }

    @Test
    void documentsItsApi() {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200);
        if (apiPrefix != null) {
            document.body(containsString("\"" + apiPrefix));
        }
    }

    @Test
    void hasMigratedItsSchema() {
        if (migrationVersions.isEmpty()) {
            return;
        }
        List<String> applied = AppliedMigrations.versions();
        List<String> expected = new ArrayList<>(List.of("0.1", "0.2"));
        expected.addAll(migrationVersions);
        assertTrue(applied.containsAll(expected), "applied " + applied + ", expected " + expected);
    }
}

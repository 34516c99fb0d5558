package io.srecopilot.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service with a database is connected as its own role (up.sh, deploy/local/db-roles.sql),
 * which owns its schema and can reach nothing else: another service's schema, a schema of its
 * own making, superuser powers. A service that is taken over reads and writes only its own data.
 */
@ExtendWith(RunningStack.class)
class DatabaseRolesIT {

    private static final List<String> SERVICES = List.of("ai", "audit", "auth", "incidents", "ingest");

    @Test
    void eachServiceIsConnectedAsARoleThatReachesItsOwnSchemaOnly(Stack stack) throws Exception {
        assertEquals(SERVICES.stream().map(service -> "sre_" + service).toList(), lines(psql(stack, null,
                "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND usename LIKE 'sre\\_%' ORDER BY 1")), "the services' connections and their roles");

        List<String> failures = new ArrayList<>();
        for (String service : SERVICES) {
            Result own = psql(stack, service, "SELECT count(*) > 0 FROM " + service + ".flyway_schema_history");
            if (own.exit() != 0 || !own.out().strip().equals("t")) {
                failures.add(service + " cannot read its own schema: " + own);
            }
            for (String other : SERVICES) {
                if (other.equals(service)) {
                    continue;
                }
                Result foreign = psql(stack, service, "SELECT 1 FROM " + other + ".flyway_schema_history LIMIT 1");
                if (foreign.exit() == 0 || !foreign.err().contains("permission denied for schema " + other)) {
                    failures.add(service + " reached " + other + "'s schema: " + foreign);
                }
            }
            Result powers = psql(stack, service, "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                    + "WHERE rolname = current_user");
            if (!powers.out().strip().equals("f")) {
                failures.add(service + " has administrative powers: " + powers);
            }
            Result schema = psql(stack, service, "CREATE SCHEMA sneaky_" + service);
            if (schema.exit() == 0 || !schema.err().contains("permission denied")) {
                failures.add(service + " created a schema: " + schema);
            }
        }
        assertEquals(List.of(), failures);
    }

    private record Result(int exit, String out, String err) {
    }

    private static List<String> lines(Result result) {
        assertEquals(0, result.exit(), result.err());
        return result.out().lines().filter(line -> !line.isBlank()).toList();
    }

    /** One statement through psql, as the service's role ({@code null}: the administrator up.sh uses). */
    private static Result psql(Stack stack, String service, String sql) throws IOException, InterruptedException {
        String user = service == null ? System.getenv().getOrDefault("SRE_DB_USER", "postgres") : "sre_" + service;
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-U", user, "-d", stack.databaseName(), "-c", sql);
        if (service != null) {
            builder.environment().put("PGPASSWORD", stack.databasePassword(service));
        }
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "psql answered");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

package io.srecopilot.incidents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.testing.TestCaller;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * MTTA/MTTR against figures worked out by hand (percentiles interpolated as percentile_cont):
 * MTTA over 30, 60, 120, 180, 600 s is median 120, p90 180 + 0.6 × 420 = 432; checkout's 60, 120,
 * 180, 600 give 150 and 180 + 0.7 × 420 = 474. MTTR over 600, 1800, 3600, 7200 is 2700 and
 * 3600 + 0.7 × 3600 = 6120; checkout's 1800, 3600, 7200 give 3600 and 3600 + 0.8 × 3600 = 6480.
 */
@QuarkusTest
class StatsTest {

    private static final String WINDOW = "?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&bucket=day";

    @Inject
    DataSource database;

    private final TestCaller viewer = TestCaller.newTenant(Role.VIEWER);
    private final IncidentsApi api = new IncidentsApi(viewer.withRole(Role.ENGINEER));

    @Test
    void countsAndDurationsMatchTheHandComputedFigures() throws SQLException {
        fixture("checkout", "high", "RESOLVED", "2026-11-01T00:00:00Z", 60, 3600);
        fixture("checkout", "high", "RESOLVED", "2026-11-01T01:00:00Z", 120, 7200);
        fixture("checkout", "high", "ACKNOWLEDGED", "2026-11-01T02:00:00Z", 180, null);
        fixture("checkout", "high", "RESOLVED", "2026-11-01T03:00:00Z", 600, 1800);
        fixture("search", "medium", "RESOLVED", "2026-11-02T00:00:00Z", 30, 600);
        fixture("search", "critical", "DETECTED", "2026-11-02T05:00:00Z", null, null);
        fixture("search", "low", "RESOLVED", "2026-10-01T00:00:00Z", 5, 10);

        stats(WINDOW).statusCode(200)
                .body("open.total", equalTo(2))
                .body("open.byState", equalTo(Map.of("ACKNOWLEDGED", 1, "DETECTED", 1)))
                .body("open.bySeverity", equalTo(Map.of("critical", 1, "high", 1)))
                .body("detected.total", equalTo(6))
                .body("detected.byState", equalTo(Map.of("ACKNOWLEDGED", 1, "DETECTED", 1, "RESOLVED", 4)))
                .body("detected.bySeverity", equalTo(Map.of("critical", 1, "high", 4, "medium", 1)))
                .body("mtta.overall.count", equalTo(5))
                .body("mtta.overall.medianSeconds", equalTo(120.0f))
                .body("mtta.overall.p90Seconds", equalTo(432.0f))
                .body("mtta.byService.service", equalTo(List.of("checkout", "search")))
                .body("mtta.byService[0].medianSeconds", equalTo(150.0f))
                .body("mtta.byService[0].p90Seconds", equalTo(474.0f))
                .body("mtta.byService[1].medianSeconds", equalTo(30.0f))
                .body("mtta.overTime.start", equalTo(List.of("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")))
                .body("mtta.overTime.count", equalTo(List.of(4, 1)))
                .body("mtta.overTime[0].medianSeconds", equalTo(150.0f))
                .body("mttr.overall.count", equalTo(4))
                .body("mttr.overall.medianSeconds", equalTo(2700.0f))
                .body("mttr.overall.p90Seconds", equalTo(6120.0f))
                .body("mttr.byService[0].service", equalTo("checkout"))
                .body("mttr.byService[0].medianSeconds", equalTo(3600.0f))
                .body("mttr.byService[0].p90Seconds", equalTo(6480.0f));

        stats("?from=2026-10-26T00:00:00Z&to=2026-11-09T00:00:00Z&bucket=week").statusCode(200)
                // Weeks start on Monday (UTC): Sunday 1 November belongs to the week of 26 October.
                .body("mtta.overTime.start", equalTo(List.of("2026-10-26T00:00:00Z", "2026-11-02T00:00:00Z")))
                .body("mtta.overTime.count", equalTo(List.of(4, 1)));
    }

    @Test
    void anEmptyWindowHasNoFiguresAndBadWindowsAreNamed() {
        stats(WINDOW).statusCode(200).body("detected.total", equalTo(0)).body("mtta.overall.count", equalTo(0))
                .body("mtta.overall.medianSeconds", nullValue()).body("mttr.byService.size()", equalTo(0));
        stats("?from=2026-11-03T00:00:00Z&to=2026-11-01T00:00:00Z&bucket=hour").statusCode(400)
                .body("errors.field", containsInAnyOrder("from", "bucket"));
        stats("?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").statusCode(400);
        stats("?to=tomorrow").statusCode(400).body("errors[0].field", equalTo("to"));
        given().when().get("/api/v1/incidents/stats").then().statusCode(401);
        given().auth().oauth2(TestCaller.newTenant(Role.OWNER).token()).when().get("/api/v1/incidents/stats" + WINDOW)
                .then().statusCode(200).body("detected.total", equalTo(0));
    }

    private ValidatableResponse stats(String query) {
        return given().auth().oauth2(viewer.token()).when().get("/api/v1/incidents/stats" + query).then();
    }

    /** An incident detected at {@code detected}, acknowledged and resolved that many seconds later (null: not yet). */
    private void fixture(String service, String severity, String state, String detected, Integer ackSeconds,
            Integer resolveSeconds) throws SQLException {
        String id = api.declare(Map.of("title", service + " fixture", "severity", severity, "service", service,
                "startedAt", detected));
        Instant at = Instant.parse(detected);
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE incidents.incident SET state = ?, detected_at = ?, acknowledged_at = ?, resolved_at = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setTimestamp(2, Timestamp.from(at));
            update.setTimestamp(3, ackSeconds == null ? null : Timestamp.from(at.plusSeconds(ackSeconds)));
            update.setTimestamp(4, resolveSeconds == null ? null : Timestamp.from(at.plusSeconds(resolveSeconds)));
            update.setObject(5, UUID.fromString(id));
            update.executeUpdate();
        }
    }
}

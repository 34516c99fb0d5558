package io.srecopilot.incidents.stats;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL behind the dashboard: counts and duration percentiles, computed by PostgreSQL. */
@ApplicationScoped
public class StatsRepository {

    private static final String PROJECT = "tenant_id = :tenantId AND project_id = :projectId";
    private static final String WINDOW = PROJECT + " AND detected_at >= :from AND detected_at < :to";

    /** One duration, by the field that ends it: {@code acknowledged_at} (MTTA) or {@code resolved_at} (MTTR). */
    enum Duration {
        TO_ACKNOWLEDGE("acknowledged_at"),
        TO_RESOLVE("resolved_at");

        private final String end;

        Duration(String end) {
            this.end = end;
        }

        String seconds() {
            return "extract(epoch FROM " + end + " - detected_at)";
        }

        String reached() {
            return end + " IS NOT NULL";
        }
    }

    public Uni<Map<String, Long>> countOpenBy(String column, UUID tenantId, UUID projectId) {
        return counts("SELECT " + column + ", count(*) FROM incident WHERE " + PROJECT
                + " AND state NOT IN ('RESOLVED', 'LEARNED') GROUP BY " + column + " ORDER BY " + column,
                tenantId, projectId, null, null);
    }

    public Uni<Map<String, Long>> countDetectedBy(String column, UUID tenantId, UUID projectId, Instant from, Instant to) {
        return counts("SELECT " + column + ", count(*) FROM incident WHERE " + WINDOW + " GROUP BY " + column
                + " ORDER BY " + column, tenantId, projectId, from, to);
    }

    /** {@code [count, median, p90]} over the window. */
    public Uni<Object[]> overall(Duration duration, UUID tenantId, UUID projectId, Instant from, Instant to) {
        String sql = "SELECT count(*), " + percentiles(duration) + " FROM incident WHERE " + WINDOW + " AND "
                + duration.reached();
        return rows(sql, tenantId, projectId, from, to).map(rows -> rows.get(0));
    }

    /** {@code [service, count, median, p90]} per service, worst median first. */
    public Uni<List<Object[]>> byService(Duration duration, UUID tenantId, UUID projectId, Instant from, Instant to) {
        String sql = "SELECT coalesce(service, ''), count(*), " + percentiles(duration) + " FROM incident WHERE " + WINDOW
                + " AND " + duration.reached() + " GROUP BY 1 ORDER BY 3 DESC, 1";
        return rows(sql, tenantId, projectId, from, to);
    }

    /** {@code [bucket start, count, median, p90]} per UTC day or week, oldest first. */
    public Uni<List<Object[]>> overTime(Duration duration, String bucket, UUID tenantId, UUID projectId, Instant from,
            Instant to) {
        String start = "date_trunc('" + bucket + "', detected_at AT TIME ZONE 'UTC')";
        String sql = "SELECT CAST(" + start + " AS text), count(*), " + percentiles(duration) + " FROM incident WHERE "
                + WINDOW + " AND " + duration.reached() + " GROUP BY 1 ORDER BY 1";
        return rows(sql, tenantId, projectId, from, to);
    }

    private static String percentiles(Duration duration) {
        return "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + duration.seconds() + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + duration.seconds() + ")";
    }

    private Uni<Map<String, Long>> counts(String sql, UUID tenantId, UUID projectId, Instant from, Instant to) {
        return rows(sql, tenantId, projectId, from, to).map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(row -> counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
            return counts;
        });
    }

    private Uni<List<Object[]>> rows(String sql, UUID tenantId, UUID projectId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("tenantId", tenantId).setParameter("projectId", projectId);
            if (from != null) {
                query.setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                        .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            }
            return query.getResultList();
        });
    }
}

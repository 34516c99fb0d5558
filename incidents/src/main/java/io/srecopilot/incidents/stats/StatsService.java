package io.srecopilot.incidents.stats;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.stats.IncidentStats.BucketFigure;
import io.srecopilot.incidents.stats.IncidentStats.Counts;
import io.srecopilot.incidents.stats.IncidentStats.Durations;
import io.srecopilot.incidents.stats.IncidentStats.Figure;
import io.srecopilot.incidents.stats.IncidentStats.ServiceFigure;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assembles the dashboard's figures for the caller's project, one query per figure. */
@ApplicationScoped
public class StatsService {

    private final StatsRepository repository;

    public StatsService(StatsRepository repository) {
        this.repository = repository;
    }

    @WithSession
    public Uni<IncidentStats> stats(Caller caller, Instant from, Instant to, String bucket) {
        UUID tenant = caller.tenantId();
        UUID project = caller.projectId();
        Uni<Counts> open = counts(repository.countOpenBy("state", tenant, project),
                repository.countOpenBy("severity", tenant, project));
        Uni<Counts> detected = counts(repository.countDetectedBy("state", tenant, project, from, to),
                repository.countDetectedBy("severity", tenant, project, from, to));
        return open.chain(openCounts -> detected.chain(detectedCounts -> durations(StatsRepository.Duration.TO_ACKNOWLEDGE,
                caller, from, to, bucket).chain(mtta -> durations(StatsRepository.Duration.TO_RESOLVE, caller, from, to,
                        bucket).map(mttr -> new IncidentStats(from, to, bucket, openCounts, detectedCounts, mtta, mttr)))));
    }

    // One session runs one query at a time, so the figures are fetched in sequence.
    private static Uni<Counts> counts(Uni<Map<String, Long>> byState, Uni<Map<String, Long>> bySeverity) {
        return byState.chain(states -> bySeverity.map(severities -> new Counts(
                states.values().stream().mapToLong(Long::longValue).sum(), states, severities)));
    }

    private Uni<Durations> durations(StatsRepository.Duration duration, Caller caller, Instant from, Instant to,
            String bucket) {
        UUID tenant = caller.tenantId();
        UUID project = caller.projectId();
        return repository.overall(duration, tenant, project, from, to).chain(overall -> repository
                .byService(duration, tenant, project, from, to).chain(services -> repository
                        .overTime(duration, bucket, tenant, project, from, to).map(buckets -> new Durations(
                                new Figure(count(overall[0]), seconds(overall[1]), seconds(overall[2])),
                                services.stream().map(row -> new ServiceFigure(row[0].toString().isEmpty() ? null
                                        : row[0].toString(), count(row[1]), seconds(row[2]), seconds(row[3]))).toList(),
                                overTime(buckets)))));
    }

    private static List<BucketFigure> overTime(List<Object[]> rows) {
        return rows.stream().map(row -> new BucketFigure(Instant.parse(row[0].toString().replace(' ', 'T') + "Z"),
                count(row[1]), seconds(row[2]), seconds(row[3]))).toList();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** Seconds to the millisecond; null when there was nothing to measure. */
    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 1000) / 1000.0;
    }
}

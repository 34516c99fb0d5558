package io.srecopilot.audit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.repository.AuditQuery;
import io.srecopilot.audit.repository.AuditRepository;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the audit log within the caller's reach: admins their project's, owners their tenant's
 * (all projects, or the one they name); pages, exports and statistics alike.
 */
@ApplicationScoped
public class AuditService {

    static final int TOP_ACTORS = 10;

    private final AuditRepository repository;
    private final int exportBatch;

    public AuditService(AuditRepository repository,
            @ConfigProperty(name = "sre.audit.export-batch", defaultValue = "500") int exportBatch) {
        this.repository = repository;
        this.exportBatch = exportBatch;
    }

    /** The project the caller may read: its own for admins, any of the tenant's (or all, null) for owners. */
    public static UUID projectScope(Caller caller, UUID requested) {
        if (caller.role() == Role.OWNER) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.projectId())) {
            throw ProblemException.notFound("project", requested);
        }
        return caller.projectId();
    }

    public Uni<List<AuditRecord>> page(AuditQuery query) {
        return repository.page(query);
    }

    /** Every record of the query, newest first, fetched a batch at a time as the client reads. */
    public Multi<AuditRecord> export(AuditQuery query) {
        AuditQuery batch = query.after(null);
        return Multi.createBy().repeating()
                .uni(() -> new Cursor[] { null }, last -> repository.page(batch.after(last[0]).limit(exportBatch))
                        .invoke(rows -> {
                            if (!rows.isEmpty()) {
                                AuditRecord end = rows.get(rows.size() - 1);
                                last[0] = new Cursor(end.occurredAt, end.id);
                            }
                        }))
                .whilst(rows -> rows.size() == exportBatch)
                .onItem().transformToIterable(rows -> rows);
    }

    public Uni<AuditStats> stats(AuditQuery query, Instant from, Instant to) {
        return repository.perDay(query).chain(days -> repository.topActors(query, TOP_ACTORS)
                .chain(actors -> repository.failures(query).map(failures -> new AuditStats(from, to,
                        days.stream().map(row -> new AuditStats.Day(String.valueOf(row[0]), ((Number) row[1]).longValue()))
                                .toList(),
                        actors.stream().map(row -> new AuditStats.ActorCount((String) row[0], (String) row[1],
                                ((Number) row[2]).longValue())).toList(),
                        failures))));
    }
}

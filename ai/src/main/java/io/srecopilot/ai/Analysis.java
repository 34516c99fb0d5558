package io.srecopilot.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One run of a reasoner over an incident's context: {@code running} (held by a worker's lease while
 * it is computed), then {@code completed} or {@code failed} (with {@code failure}: which step, and
 * why). {@code origin} says what started it: the incident's announcement, a person's re-run, or the
 * metrics around the incident having arrived after its first run.
 */
@Entity
@Table(name = "analysis")
public class Analysis extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public static final String ON_INCIDENT = EventTypes.INCIDENT_CREATED;
    public static final String ON_REQUEST = "rerun";
    public static final String ON_DATA = "data-arrived";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public UUID incidentId;
    public String status;
    public String reasoner;
    public boolean inconclusive;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Findings findings;
    public Instant startedAt;
    public Instant completedAt;
    public String origin;
    public String actorType;
    public String actorId;
    public int attempts;
    public Instant leaseUntil;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Failure failure;
    public Instant rerunAt;

    public static Analysis start(IncidentContext context, String reasoner, JsonNode emptyList, String origin,
            Actor actor, Instant leaseUntil) {
        // Running analyses have found nothing yet.
        Analysis analysis = new Analysis();
        analysis.id = UUID.randomUUID();
        analysis.tenantId = context.tenantId;
        analysis.projectId = context.projectId;
        analysis.incidentId = context.incidentId;
        analysis.status = RUNNING;
        analysis.reasoner = reasoner;
        analysis.findings = new Findings(emptyList, emptyList, emptyList);
        analysis.startedAt = Timestamps.now();
        analysis.origin = origin;
        analysis.actorType = actor.type().value();
        analysis.actorId = actor.id();
        analysis.attempts = 1;
        analysis.leaseUntil = leaseUntil;
        return analysis;
    }

    public Actor actor() {
        return new Actor(ActorType.of(actorType), actorId);
    }

    /** Why an analysis failed: the step that could not be done, and what went wrong. */
    public record Failure(String step, String reason) {
    }
}

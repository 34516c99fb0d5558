package io.srecopilot.incidents;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.srecopilot.platform.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An incident of a project; {@link #moveTo} is the only way its state changes. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    public static final String SOURCE_MANUAL = "manual";
    public static final String SOURCE_ALERTMANAGER = "alertmanager";
    /** The sources of incidents opened from ingest's alert groups. */
    public static final Set<String> ALERT_SOURCES = Set.of(SOURCE_ALERTMANAGER, "prometheus", "event");

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public long number;
    public String title;
    public String description;
    public String service;
    public Severity severity;
    @Enumerated(EnumType.STRING)
    public IncidentState state;
    public String source;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> labels;
    public UUID assigneeId;
    public Instant startedAt;
    public Instant detectedAt;
    public Instant acknowledgedAt;
    public Instant mitigatedAt;
    public Instant resolvedAt;
    public Instant lastSignalAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** How people refer to it: {@code INC-42}. */
    public String reference() {
        return "INC-" + number;
    }

    /**
     * Moves to {@code target}, stamping when it was first acknowledged and mitigated and when it
     * was (last) resolved, which MTTA and MTTR are computed from. A reopened incident is no
     * longer resolved.
     */
    public void moveTo(IncidentState target, Instant at) {
        switch (target) {
            case ACKNOWLEDGED -> acknowledgedAt = acknowledgedAt == null ? at : acknowledgedAt;
            case MITIGATED -> mitigatedAt = mitigatedAt == null ? at : mitigatedAt;
            case RESOLVED -> resolvedAt = at;
            case INVESTIGATING -> resolvedAt = null;
            default -> {
            }
        }
        state = target;
        updatedAt = at;
    }
}

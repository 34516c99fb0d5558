package io.srecopilot.ai.precedent;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A learned incident: what happened, on which service, and what its postmortem found. */
@Entity
@Table(name = "precedent")
public class Precedent extends PanacheEntityBase {

    @Id
    public UUID incidentId;
    public UUID tenantId;
    public UUID projectId;
    public String reference;
    public String title;
    public String service;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public PrecedentDetails details;
    public Long mttrSeconds;
    public Instant learnedAt;

    /** Bounds the precedents an analysis compares with: the project's most recently learned. */
    static final int MAX_COMPARED = 500;

    public static Uni<List<Precedent>> recentOf(UUID tenantId, UUID projectId) {
        return Precedent.<Precedent>find("tenantId = ?1 and projectId = ?2 order by learnedAt desc", tenantId, projectId)
                .range(0, MAX_COMPARED - 1).list();
    }
}

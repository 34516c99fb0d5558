package io.srecopilot.ingest.topology;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An edge of a project's service topology that a person declared: {@code caller} calls {@code callee}. */
@Entity
@Table(name = "service_edge")
public class ServiceEdge extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String caller;
    public String callee;
    public String createdBy;
    public Instant createdAt;
}

package io.srecopilot.ingest.change;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A deploy or other change to a service, read side (recorded with SQL, see ChangeService). */
@Entity
@Table(name = "change")
public class Change extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID projectId;
    public String type;
    public String service;
    public String environment;
    public String version;
    public String commitSha;
    public String author;
    public String description;
    public String url;
    public Instant deployedAt;
    public Instant recordedAt;
    public String identity;
}

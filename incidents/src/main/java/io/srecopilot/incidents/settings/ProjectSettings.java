package io.srecopilot.incidents.settings;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** How a project correlates alerts into incidents; projects without a row use the defaults. */
@Entity
@Table(name = "project_settings")
public class ProjectSettings extends PanacheEntityBase {

    public static final int DEFAULT_WINDOW_SECONDS = 900;

    @Id
    public UUID projectId;
    public UUID tenantId;
    public int correlationWindowSeconds;
    public boolean autoResolve;
    public Instant updatedAt;

    public static ProjectSettings defaults(UUID tenantId, UUID projectId) {
        ProjectSettings settings = new ProjectSettings();
        settings.projectId = projectId;
        settings.tenantId = tenantId;
        settings.correlationWindowSeconds = DEFAULT_WINDOW_SECONDS;
        settings.autoResolve = true;
        return settings;
    }

    public Duration window() {
        return Duration.ofSeconds(correlationWindowSeconds);
    }
}

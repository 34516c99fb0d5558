package io.srecopilot.incidents.settings;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectSettingsRepository implements PanacheRepositoryBase<ProjectSettings, UUID> {

    /** The project's settings, or the defaults (not yet stored) when nobody changed them. */
    @WithSession
    public Uni<ProjectSettings> forProject(UUID tenantId, UUID projectId) {
        return find("projectId = ?1 and tenantId = ?2", projectId, tenantId).firstResult()
                .map(stored -> stored != null ? stored : ProjectSettings.defaults(tenantId, projectId));
    }
}

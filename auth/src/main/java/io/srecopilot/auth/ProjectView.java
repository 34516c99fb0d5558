package io.srecopilot.auth;

import java.time.Instant;
import java.util.UUID;

/** A project as the API shows it. */
public record ProjectView(UUID id, String name, Instant createdAt, Instant archivedAt) {

    public static ProjectView of(Project project) {
        return new ProjectView(project.id, project.name, project.createdAt, project.archivedAt);
    }
}

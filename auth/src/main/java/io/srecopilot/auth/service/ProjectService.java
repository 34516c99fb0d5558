package io.srecopilot.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ApiKey;
import io.srecopilot.auth.Invitation;
import io.srecopilot.auth.Membership;
import io.srecopilot.auth.Project;
import io.srecopilot.auth.ProjectView;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant's projects: created by admins, renamed, archived and deleted by their owners. */
@ApplicationScoped
public class ProjectService {

    private final AuthEvents events;
    private final ChangeRecorder changes;

    public ProjectService(AuthEvents events, ChangeRecorder changes) {
        this.events = events;
        this.changes = changes;
    }

    /** A new project of the caller's tenant, which the caller owns. */
    @WithTransaction
    public Uni<Project> create(Caller caller, String name) {
        return requireFreeName(caller.tenantId(), name, null).chain(() -> {
            Project project = new Project();
            project.id = UUID.randomUUID();
            project.tenantId = caller.tenantId();
            project.name = name.strip();
            project.createdAt = Timestamps.now();
            Membership owner = new Membership();
            owner.projectId = project.id;
            owner.userId = caller.userId();
            owner.tenantId = caller.tenantId();
            owner.role = Role.OWNER;
            owner.createdAt = project.createdAt;
            return project.persist().call(owner::persist)
                    .call(() -> emit(EventTypes.PROJECT_CREATED, caller, project, Map.of("name", project.name)))
                    .call(() -> events.emit(EventTypes.MEMBER_ADDED, caller.tenantId(), project.id, caller.actor(),
                            new ResourceRef("member", caller.userId().toString()),
                            Map.of("userId", caller.userId(), "role", Role.OWNER)))
                    .replaceWith(project);
        });
    }

    @WithTransaction
    public Uni<Project> rename(Caller caller, UUID projectId, String name) {
        return active(caller, projectId).call(project -> requireFreeName(caller.tenantId(), name, project.id))
                .call(project -> {
                    changes.before(ProjectView.of(project));
                    String previous = project.name;
                    project.name = name.strip();
                    return emit(EventTypes.PROJECT_RENAMED, caller, project, Map.of("name", project.name, "previousName", previous));
                });
    }

    /** Archived projects keep everything; their API keys stop working until they are unarchived. */
    @WithTransaction
    public Uni<Project> setArchived(Caller caller, UUID projectId, boolean archived) {
        return active(caller, projectId).call(project -> {
            changes.before(ProjectView.of(project));
            if (archived == project.isArchived()) {
                return Uni.createFrom().voidItem();
            }
            project.archivedAt = archived ? Timestamps.now() : null;
            return emit(archived ? EventTypes.PROJECT_ARCHIVED : EventTypes.PROJECT_UNARCHIVED, caller, project, Map.of());
        });
    }

    /** Members, keys and invitations go with it; the organisation's last project stays. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID projectId) {
        return active(caller, projectId).chain(project -> Project
                .count("tenantId = ?1 and deletedAt is null and id <> ?2", caller.tenantId(), project.id)
                .chain(others -> {
                    if (others == 0) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "The organisation's last project cannot be deleted"));
                    }
                    changes.before(ProjectView.of(project));
                    Instant now = Timestamps.now();
                    project.deletedAt = now;
                    return Membership.delete("projectId", project.id)
                            .call(() -> ApiKey.update("revokedAt = ?1 where projectId = ?2 and revokedAt is null", now, project.id))
                            .call(() -> Invitation.update("revokedAt = ?1 where projectId = ?2 and revokedAt is null and acceptedAt is null",
                                    now, project.id))
                            .call(() -> emit(EventTypes.PROJECT_DELETED, caller, project, Map.of("name", project.name)))
                            .replaceWithVoid();
                }));
    }

    private Uni<Project> active(Caller caller, UUID projectId) {
        ActiveProject.require(caller, projectId);
        return Project.<Project>find("id = ?1 and tenantId = ?2 and deletedAt is null", projectId, caller.tenantId())
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("project", projectId));
    }

    private static Uni<Void> requireFreeName(UUID tenantId, String name, UUID except) {
        return Project.count("tenantId = ?1 and deletedAt is null and lower(name) = lower(?2) and id <> ?3", tenantId,
                name.strip(), except == null ? new UUID(0, 0) : except)
                .chain(taken -> taken > 0
                        ? Uni.createFrom().failure(ProblemException.conflict("A project named " + name.strip() + " exists"))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> emit(String type, Caller caller, Project project, Map<String, Object> data) {
        return events.emit(type, caller.tenantId(), project.id, caller.actor(), new ResourceRef("project", project.id.toString()),
                data);
    }
}

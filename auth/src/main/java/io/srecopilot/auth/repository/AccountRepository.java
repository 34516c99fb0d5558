package io.srecopilot.auth.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ProjectRole;
import io.srecopilot.auth.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Users and the projects they belong to. */
@ApplicationScoped
public class AccountRepository {

    private static final String PROJECT_ROLES = """
            select new io.srecopilot.auth.ProjectRole(p.id, p.name, m.role, p.archivedAt)
            from Project p join Membership m on m.projectId = p.id
            where m.userId = :userId and p.deletedAt is null""";

    @WithSession
    public Uni<User> userByEmail(String email) {
        return User.find("lower(email) = lower(?1)", email).firstResult();
    }

    /** The user a token names; a failed authentication when the account no longer exists. */
    @WithSession
    public Uni<User> user(UUID id) {
        return User.<User>findById(id)
                .onItem().ifNull().failWith(() -> new AuthenticationFailedException("The account no longer exists"));
    }

    /** The user's projects with their role in each: active ones oldest first (the first is the default), then archived. */
    @WithSession
    public Uni<List<ProjectRole>> projectsOf(UUID userId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery(PROJECT_ROLES + " order by case when p.archivedAt is null then 0 else 1 end, p.createdAt, p.id",
                        ProjectRole.class)
                .setParameter("userId", userId)
                .getResultList());
    }

    /** The project with the user's role in it, or null when the user is no member. */
    @WithSession
    public Uni<ProjectRole> projectOf(UUID userId, UUID projectId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery(PROJECT_ROLES + " and p.id = :projectId", ProjectRole.class)
                .setParameter("userId", userId)
                .setParameter("projectId", projectId)
                .getSingleResultOrNull());
    }
}

package io.srecopilot.auth.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.Invitation;
import io.srecopilot.auth.MemberView;
import io.srecopilot.auth.Membership;
import io.srecopilot.auth.User;
import io.srecopilot.auth.tokens.OpaqueTokens;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is in a project with which role. Admins add colleagues of the same organisation or invite
 * people without an account; only owners grant or take the owner role; a project never loses its
 * last owner.
 */
@ApplicationScoped
public class MemberService {

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

    private static final String MEMBERS = """
            select new io.srecopilot.auth.MemberView(u.id, u.email, u.fullName, m.role, m.createdAt)
            from Membership m join User u on u.id = m.userId
            where m.projectId = :projectId order by m.createdAt, u.email""";

    private final AuthEvents events;
    private final ChangeRecorder changes;

    public MemberService(AuthEvents events, ChangeRecorder changes) {
        this.events = events;
        this.changes = changes;
    }

    public record Members(List<MemberView> members, List<Invitation> invitations) {
    }

    /** Either a new member or, for someone without an account, an invitation and its one-time token. */
    public record Added(MemberView member, Invitation invitation, String invitationToken) {
    }

    @WithSession
    public Uni<Members> list(Caller caller, UUID projectId) {
        ActiveProject.require(caller, projectId);
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(MEMBERS, MemberView.class)
                        .setParameter("projectId", projectId).getResultList())
                .chain(members -> Invitation.<Invitation>list(
                        "projectId = ?1 and acceptedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt",
                        projectId, Timestamps.now()).map(invitations -> new Members(members, invitations)));
    }

    @WithTransaction
    public Uni<Added> add(Caller caller, UUID projectId, String email, Role role) {
        ActiveProject.require(caller, projectId);
        requireMayGrant(caller, role, null);
        return User.<User>find("lower(email) = lower(?1)", email.strip()).firstResult().chain(user -> {
            if (user == null) {
                return invite(caller, projectId, email.strip(), role);
            }
            if (!user.tenantId.equals(caller.tenantId())) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "This email has an account in another organisation"));
            }
            return Membership.count("projectId = ?1 and userId = ?2", projectId, user.id).chain(existing -> existing > 0
                    ? Uni.createFrom().failure(ProblemException.conflict(user.email + " is already a member"))
                    : join(caller, projectId, user, role));
        });
    }

    @WithTransaction
    public Uni<MemberView> changeRole(Caller caller, UUID projectId, UUID userId, Role role) {
        return membership(caller, projectId, userId).chain(membership -> {
            requireMayGrant(caller, role, membership.role);
            Role previous = membership.role;
            return view(membership).invoke(changes::before).chain(() -> keepAnOwner(membership, role)).chain(() -> {
                membership.role = role;
                return emit(EventTypes.MEMBER_ROLE_CHANGED, caller, userId, Map.of("userId", userId, "from", previous, "to", role));
            }).chain(() -> view(membership));
        });
    }

    /** Admins remove anyone but owners (owners remove owners); everyone may leave. */
    @WithTransaction
    public Uni<Void> remove(Caller caller, UUID projectId, UUID userId) {
        ActiveProject.require(caller, projectId); // another project is not found, whatever the role
        boolean leaving = userId.equals(caller.userId());
        if (!leaving && !caller.role().includes(Role.ADMIN)) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN, "Only admins remove other members"));
        }
        return membership(caller, projectId, userId).chain(membership -> {
            if (!leaving) {
                requireMayGrant(caller, Role.VIEWER, membership.role);
            }
            return view(membership).invoke(changes::before).chain(() -> keepAnOwner(membership, null))
                    .chain(membership::delete)
                    .chain(() -> emit(leaving ? EventTypes.MEMBER_LEFT : EventTypes.MEMBER_REMOVED, caller, userId, Map.of("userId", userId)));
        });
    }

    @WithTransaction
    public Uni<Void> revokeInvitation(Caller caller, UUID projectId, UUID invitationId) {
        ActiveProject.require(caller, projectId);
        return Invitation.<Invitation>find("id = ?1 and projectId = ?2 and tenantId = ?3", invitationId, projectId,
                caller.tenantId()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("invitation", invitationId))
                .chain(invitation -> {
                    if (invitation.revokedAt != null || invitation.acceptedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    invitation.revokedAt = Timestamps.now();
                    return events.emit(EventTypes.MEMBER_INVITATION_REVOKED, caller.tenantId(), projectId, caller.actor(),
                            new ResourceRef("invitation", invitation.id.toString()), Map.of("email", invitation.email));
                });
    }

    private Uni<Added> join(Caller caller, UUID projectId, User user, Role role) {
        Membership membership = new Membership();
        membership.projectId = projectId;
        membership.userId = user.id;
        membership.tenantId = caller.tenantId();
        membership.role = role;
        membership.createdAt = Timestamps.now();
        return membership.persist()
                .call(() -> emit(EventTypes.MEMBER_ADDED, caller, user.id, Map.of("userId", user.id, "email", user.email, "role", role)))
                .replaceWith(new Added(new MemberView(user.id, user.email, user.fullName, role, membership.createdAt), null, null));
    }

    private Uni<Added> invite(Caller caller, UUID projectId, String email, Role role) {
        String token = OpaqueTokens.generate();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.tenantId = caller.tenantId();
        invitation.projectId = projectId;
        invitation.email = email;
        invitation.role = role;
        invitation.tokenHash = OpaqueTokens.hash(token);
        invitation.invitedBy = caller.userId();
        invitation.createdAt = Timestamps.now();
        invitation.expiresAt = invitation.createdAt.plus(INVITATION_LIFETIME);
        return Invitation.update("revokedAt = ?1 where projectId = ?2 and lower(email) = lower(?3) and acceptedAt is null"
                + " and revokedAt is null", invitation.createdAt, projectId, email)
                .chain(invitation::persist)
                .call(() -> events.emit(EventTypes.MEMBER_INVITED, caller.tenantId(), projectId, caller.actor(),
                        new ResourceRef("invitation", invitation.id.toString()), Map.of("email", email, "role", role)))
                .replaceWith(new Added(null, invitation, token));
    }

    private static Uni<Membership> membership(Caller caller, UUID projectId, UUID userId) {
        ActiveProject.require(caller, projectId);
        return Membership.<Membership>find("projectId = ?1 and userId = ?2 and tenantId = ?3", projectId, userId,
                caller.tenantId()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("member", userId));
    }

    /** Refuses to leave the project without an owner. {@code becoming} is null for a removal. */
    private static Uni<Void> keepAnOwner(Membership membership, Role becoming) {
        if (membership.role != Role.OWNER || becoming == Role.OWNER) {
            return Uni.createFrom().voidItem();
        }
        return Membership.count("projectId = ?1 and role = ?2", membership.projectId, Role.OWNER)
                .chain(owners -> owners <= 1
                        ? Uni.createFrom().failure(ProblemException.conflict("A project keeps at least one owner"))
                        : Uni.createFrom().voidItem());
    }

    /** Only owners make or unmake owners. */
    private static void requireMayGrant(Caller caller, Role target, Role current) {
        if ((target == Role.OWNER || current == Role.OWNER) && caller.role() != Role.OWNER) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only owners grant or take the owner role");
        }
    }

    private static Uni<MemberView> view(Membership membership) {
        return User.<User>findById(membership.userId)
                .map(user -> new MemberView(user.id, user.email, user.fullName, membership.role, membership.createdAt));
    }

    private Uni<Void> emit(String type, Caller caller, UUID userId, Map<String, Object> data) {
        return events.emit(type, caller.tenantId(), caller.projectId(), caller.actor(),
                new ResourceRef("member", userId.toString()), data);
    }
}

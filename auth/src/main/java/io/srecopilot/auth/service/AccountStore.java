package io.srecopilot.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.Invitation;
import io.srecopilot.auth.Membership;
import io.srecopilot.auth.Project;
import io.srecopilot.auth.RefreshToken;
import io.srecopilot.auth.Tenant;
import io.srecopilot.auth.User;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.auth.rest.RegisterRequest;
import io.srecopilot.auth.tokens.OpaqueTokens;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Account and session writes; each method is one transaction with its events. */
@ApplicationScoped
public class AccountStore {

    private final AuthEvents events;
    private final AuthConfig config;
    private final RefreshGrace grace;

    public AccountStore(AuthEvents events, AuthConfig config, RefreshGrace grace) {
        this.events = events;
        this.config = config;
        this.grace = grace;
    }

    /** A tenant, its owner and a default project; refused with 409 when the email has an account. */
    @WithTransaction
    public Uni<NewAccount> createAccount(RegisterRequest request, String passwordHash) {
        return User.count("lower(email) = lower(?1)", request.email()).chain(existing -> {
            if (existing > 0) {
                return Uni.createFrom().failure(ProblemException.conflict("An account with this email already exists"));
            }
            Instant now = Timestamps.now();
            Tenant tenant = new Tenant();
            tenant.id = UUID.randomUUID();
            tenant.name = request.tenantName().strip();
            tenant.createdAt = now;
            User user = new User();
            user.id = UUID.randomUUID();
            user.tenantId = tenant.id;
            user.email = request.email().strip();
            user.fullName = request.fullName().strip();
            user.passwordHash = passwordHash;
            user.createdAt = now;
            Project project = new Project();
            project.id = UUID.randomUUID();
            project.tenantId = tenant.id;
            project.name = Project.DEFAULT_NAME;
            project.createdAt = now;
            Membership owner = membership(project, user, Role.OWNER, now);
            Actor actor = new Actor(ActorType.USER, user.id.toString());
            return tenant.persist().call(user::persist).call(project::persist).call(owner::persist)
                    .call(() -> events.emit(EventTypes.PROJECT_CREATED, tenant.id, project.id, actor,
                            new ResourceRef("project", project.id.toString()), Map.of("name", project.name)))
                    .call(() -> events.emit(EventTypes.MEMBER_ADDED, tenant.id, project.id, actor,
                            new ResourceRef("member", user.id.toString()),
                            Map.of("userId", user.id, "email", user.email, "role", Role.OWNER)))
                    .chain(() -> startSession(user, project.id))
                    .map(refresh -> new NewAccount(tenant, user, project, Role.OWNER, refresh));
        });
    }

    /** Creates the invited person's account in the inviting project; 404 for an unknown, used or expired token. */
    @WithTransaction
    public Uni<NewAccount> acceptInvitation(String token, String fullName, String passwordHash) {
        Instant now = Timestamps.now();
        return Invitation.<Invitation>find("tokenHash", OpaqueTokens.hash(token)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(() -> invitationGone())
                .chain(invitation -> invitation.isOpen(now) ? Uni.createFrom().item(invitation)
                        : Uni.createFrom().failure(invitationGone()))
                .chain(invitation -> User.count("lower(email) = lower(?1)", invitation.email).chain(existing -> existing > 0
                        ? Uni.createFrom().failure(ProblemException.conflict("An account with this email already exists"))
                        : join(invitation, fullName, passwordHash, now)));
    }

    private Uni<NewAccount> join(Invitation invitation, String fullName, String passwordHash, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.tenantId = invitation.tenantId;
        user.email = invitation.email;
        user.fullName = fullName.strip();
        user.passwordHash = passwordHash;
        user.createdAt = now;
        invitation.acceptedAt = now;
        Actor actor = new Actor(ActorType.USER, user.id.toString());
        return user.persist()
                .chain(() -> Project.<Project>findById(invitation.projectId))
                .call(project -> membership(project, user, invitation.role, now).persist())
                .call(project -> events.emit(EventTypes.MEMBER_ADDED, invitation.tenantId, project.id, actor,
                        new ResourceRef("member", user.id.toString()),
                        Map.of("userId", user.id, "email", user.email, "role", invitation.role, "invitationId", invitation.id)))
                .chain(project -> Tenant.<Tenant>findById(invitation.tenantId).chain(tenant -> startSession(user, project.id)
                        .map(refresh -> new NewAccount(tenant, user, project, invitation.role, refresh))));
    }

    private static ProblemException invitationGone() {
        return new ProblemException(ProblemType.NOT_FOUND,
                "This invitation does not exist, was used, or has expired");
    }

    /** @param rehash the password's new hash when the stored one is outdated, else null */
    @WithTransaction
    public Uni<String> recordLogin(User user, UUID projectId, String rehash) {
        Uni<Integer> updated = rehash == null
                ? User.update("lastLoginAt = ?1 where id = ?2", Timestamps.now(), user.id)
                : User.update("lastLoginAt = ?1, passwordHash = ?2 where id = ?3", Timestamps.now(), rehash, user.id);
        return updated
                .call(() -> events.emit(EventTypes.USER_LOGIN, user.tenantId, null, new Actor(ActorType.USER, user.id.toString()),
                        new ResourceRef("user", user.id.toString()), Map.of("email", user.email)))
                .chain(() -> startSession(user, projectId));
    }

    /** @param user null when no account has this email */
    @WithTransaction
    public Uni<Void> recordFailedLogin(User user, String email, String ip) {
        String subject = user == null ? null : user.id.toString();
        return events.emit(EventTypes.USER_LOGIN_FAILED, user == null ? null : user.tenantId, null,
                new Actor(ActorType.USER, subject), new ResourceRef("user", subject), Map.of("email", email, "ip", ip));
    }

    /** Uses a refresh token once: returns its successor, or a refusal (after revoking a replayed token's family). */
    @WithTransaction
    public Uni<Rotation> rotate(String presented) {
        Instant now = Timestamps.now();
        return RefreshToken.<RefreshToken>find("tokenHash", OpaqueTokens.hash(presented))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(token -> {
                    if (token == null) {
                        return Uni.createFrom().item(Rotation.REFUSED);
                    }
                    if (token.usedAt != null) {
                        return reused(presented, token, now);
                    }
                    if (!token.isUsable(now)) {
                        return Uni.createFrom().item(Rotation.REFUSED);
                    }
                    token.usedAt = now;
                    String successor = OpaqueTokens.generate();
                    return successor(token, successor, now).persist()
                            .call(() -> grace.remember(presented, successor))
                            .replaceWith(new Rotation(successor, token.userId, token.projectId));
                });
    }

    /**
     * A used token presented again: within the grace window (a second tab) it gets the successor it
     * was rotated to, if that is still unused; otherwise it is a replay and the login is revoked.
     */
    private Uni<Rotation> reused(String presented, RefreshToken token, Instant now) {
        boolean inGrace = token.revokedAt == null && !now.isAfter(token.usedAt.plus(config.refreshGrace()));
        Uni<String> remembered = inGrace ? grace.successorOf(presented) : Uni.createFrom().nullItem();
        return remembered.chain(successor -> {
            if (successor == null) {
                return revokeFamily(token.familyId, now).replaceWith(Rotation.REFUSED);
            }
            return RefreshToken.<RefreshToken>find("tokenHash", OpaqueTokens.hash(successor)).firstResult()
                    .chain(next -> next != null && next.isUsable(now)
                            ? Uni.createFrom().item(new Rotation(successor, next.userId, next.projectId))
                            : revokeFamily(token.familyId, now).replaceWith(Rotation.REFUSED));
        });
    }

    /** Later refreshes issue tokens for the project the user switched to. */
    @WithTransaction
    public Uni<Void> moveSession(String presented, UUID projectId) {
        return RefreshToken.update("projectId = ?1 where tokenHash = ?2 and usedAt is null and revokedAt is null",
                projectId, OpaqueTokens.hash(presented)).replaceWithVoid();
    }

    /** Ends the login the token belongs to; the event lets realtime close the user's live connections. */
    @WithTransaction
    public Uni<Void> endSession(String presented) {
        return RefreshToken.<RefreshToken>find("tokenHash", OpaqueTokens.hash(presented)).firstResult()
                .chain(token -> token == null ? Uni.createFrom().voidItem() : revokeFamily(token.familyId, Timestamps.now())
                        .call(() -> events.emit(EventTypes.USER_LOGOUT, token.tenantId, token.projectId,
                                new Actor(ActorType.USER, token.userId.toString()),
                                new ResourceRef("user", token.userId.toString()), Map.of("userId", token.userId.toString()))));
    }

    private Uni<String> startSession(User user, UUID projectId) {
        String raw = OpaqueTokens.generate();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = UUID.randomUUID();
        token.userId = user.id;
        token.tenantId = user.tenantId;
        token.projectId = projectId;
        token.tokenHash = OpaqueTokens.hash(raw);
        token.createdAt = Timestamps.now();
        token.expiresAt = token.createdAt.plus(config.refreshTokenLifetime());
        return token.persist().replaceWith(raw);
    }

    private RefreshToken successor(RefreshToken used, String raw, Instant now) {
        RefreshToken next = new RefreshToken();
        next.id = UUID.randomUUID();
        next.familyId = used.familyId;
        next.userId = used.userId;
        next.tenantId = used.tenantId;
        next.projectId = used.projectId;
        next.tokenHash = OpaqueTokens.hash(raw);
        next.createdAt = now;
        // Absolute lifetime: a rotated token ends when the login's first one would have.
        next.expiresAt = used.expiresAt;
        return next;
    }

    private static Uni<Void> revokeFamily(UUID familyId, Instant now) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId)
                .replaceWithVoid();
    }

    private static Membership membership(Project project, User user, Role role, Instant now) {
        Membership membership = new Membership();
        membership.projectId = project.id;
        membership.userId = user.id;
        membership.tenantId = project.tenantId;
        membership.role = role;
        membership.createdAt = now;
        return membership;
    }
}

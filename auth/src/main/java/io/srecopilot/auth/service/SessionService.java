package io.srecopilot.auth.service;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ProjectRole;
import io.srecopilot.auth.User;
import io.srecopilot.auth.repository.AccountRepository;
import io.srecopilot.auth.rest.AcceptInvitationRequest;
import io.srecopilot.auth.rest.LoginRequest;
import io.srecopilot.auth.rest.RegisterRequest;
import io.srecopilot.auth.tokens.AccessToken;
import io.srecopilot.auth.tokens.AccessTokenIssuer;
import io.srecopilot.auth.tokens.PasswordHasher;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.security.Caller;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Sign-up, sign-in, refresh and project switching. Password hashing runs on worker threads and
 * outside any transaction, so a slow hash never holds the event loop or a database connection.
 */
@ApplicationScoped
public class SessionService {

    private final AccountStore store;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer issuer;
    private final LoginThrottle throttle;
    private final Vertx vertx;

    public SessionService(AccountStore store, AccountRepository accounts, PasswordHasher hasher,
            AccessTokenIssuer issuer, LoginThrottle throttle, Vertx vertx) {
        this.store = store;
        this.accounts = accounts;
        this.hasher = hasher;
        this.issuer = issuer;
        this.throttle = throttle;
        this.vertx = vertx;
    }

    public record Registered(NewAccount account, AccessToken accessToken) {
    }

    public record LoggedIn(User user, List<ProjectRole> projects, AccessToken accessToken, String refreshToken) {
    }

    public record Refreshed(AccessToken accessToken, String refreshToken) {
    }

    public Uni<Registered> register(RegisterRequest request) {
        return vertx.executeBlocking(() -> hasher.hash(request.password()), false)
                .chain(hash -> store.createAccount(request, hash))
                .map(this::signedIn);
    }

    public Uni<Registered> acceptInvitation(AcceptInvitationRequest request) {
        return vertx.executeBlocking(() -> hasher.hash(request.password()), false)
                .chain(hash -> store.acceptInvitation(request.token(), request.fullName(), hash))
                .map(this::signedIn);
    }

    private Registered signedIn(NewAccount account) {
        return new Registered(account, issuer.issue(account.user().id, account.user().email, account.tenant().id,
                account.project().id, account.role()));
    }

    /** @param ip the client's address, which the brute-force defence counts attempts by */
    public Uni<LoggedIn> login(LoginRequest request, String ip) {
        String email = request.email().strip();
        return throttle.check(email, ip).chain(verdict -> verdict.allowed()
                ? attempt(email, request.password(), ip)
                : Uni.createFrom().failure(ProblemException.rateLimited(
                        "Too many failed sign-ins; wait before trying again", verdict.retryAfter())));
    }

    /** Unknown email and wrong password answer alike, after the same amount of hashing. */
    private Uni<LoggedIn> attempt(String email, String password, String ip) {
        return accounts.userByEmail(email).chain(user -> vertx
                .executeBlocking(() -> hasher.verify(password, user == null ? null : user.passwordHash), false)
                .chain(valid -> valid
                        ? throttle.succeeded(email, ip).chain(() -> signIn(user, password))
                        : throttle.failed(email, ip)
                                .chain(() -> store.recordFailedLogin(user, email, ip))
                                .chain(() -> Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                                        "The email or the password is wrong")))));
    }

    public Uni<Refreshed> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("No refresh token"));
        }
        return store.rotate(refreshToken).chain(rotation -> {
            if (rotation.refused()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Refresh token refused"));
            }
            return accounts.user(rotation.userId()).chain(user -> accounts.projectOf(user.id, rotation.projectId())
                    .onItem().ifNull().failWith(() -> new AuthenticationFailedException("No longer a member"))
                    .map(project -> new Refreshed(
                            issuer.issue(user.id, user.email, user.tenantId, project.id(), project.role()),
                            rotation.successor())));
        });
    }

    /** A token for another of the caller's projects; 404 for a project they are not a member of. */
    public Uni<AccessToken> switchProject(Caller caller, UUID projectId, String refreshToken) {
        UUID userId = caller.userId();
        return accounts.user(userId).chain(user -> accounts.projectOf(userId, projectId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("project", projectId))
                .call(project -> refreshToken == null ? Uni.createFrom().voidItem() : store.moveSession(refreshToken, projectId))
                .map(project -> issuer.issue(userId, user.email, user.tenantId, project.id(), project.role())));
    }

    public Uni<Void> logout(String refreshToken) {
        return refreshToken == null ? Uni.createFrom().voidItem() : store.endSession(refreshToken);
    }

    private Uni<LoggedIn> signIn(User user, String password) {
        return accounts.projectsOf(user.id).chain(projects -> {
            if (projects.isEmpty()) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                        "This account is not a member of any project"));
            }
            ProjectRole active = projects.get(0);
            return upgradedHash(user, password)
                    .chain(rehash -> store.recordLogin(user, active.id(), rehash))
                    .map(refresh -> new LoggedIn(user, projects,
                            issuer.issue(user.id, user.email, user.tenantId, active.id(), active.role()), refresh));
        });
    }

    /** A new hash when the stored one uses an older scheme or cost; null when it is current. */
    private Uni<String> upgradedHash(User user, String password) {
        return hasher.needsRehash(user.passwordHash)
                ? vertx.executeBlocking(() -> hasher.hash(password), false)
                : Uni.createFrom().nullItem();
    }
}

package io.srecopilot.auth.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.ProjectRole;
import io.srecopilot.auth.Tenant;
import io.srecopilot.auth.repository.AccountRepository;
import io.srecopilot.auth.service.NewAccount;
import io.srecopilot.auth.service.SessionService;
import io.srecopilot.auth.service.SignupThrottle;
import io.srecopilot.auth.service.WsTicketService;
import io.srecopilot.auth.tokens.AccessToken;
import io.srecopilot.auth.tokens.RefreshCookie;
import io.srecopilot.platform.net.ClientAddresses;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Sign-up, sign-in, token refresh, project switching and WebSocket tickets. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final SessionService sessions;
    private final WsTicketService tickets;
    private final AccountRepository accounts;
    private final RefreshCookie refreshCookie;
    private final CallerContext callerContext;
    private final ClientAddresses clientAddresses;
    private final CookieOrigins cookieOrigins;
    private final SignupThrottle signups;

    public AuthResource(SessionService sessions, WsTicketService tickets, AccountRepository accounts,
            RefreshCookie refreshCookie, CallerContext callerContext, ClientAddresses clientAddresses,
            CookieOrigins cookieOrigins, SignupThrottle signups) {
        this.signups = signups;
        this.sessions = sessions;
        this.tickets = tickets;
        this.accounts = accounts;
        this.refreshCookie = refreshCookie;
        this.callerContext = callerContext;
        this.clientAddresses = clientAddresses;
        this.cookieOrigins = cookieOrigins;
    }

    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AccountViews.Registered>> register(@Valid @NotNull RegisterRequest request,
            HttpServerRequest http) {
        return signups.admit(clientAddresses.of(http)).chain(() -> sessions.register(request)).map(this::registered);
    }

    private RestResponse<AccountViews.Registered> registered(SessionService.Registered registered) {
        NewAccount account = registered.account();
        AccountViews.Registered body = new AccountViews.Registered(registered.accessToken().accessToken(),
                registered.accessToken().expiresIn(), AccountViews.UserView.of(account.user()),
                AccountViews.TenantView.of(account.tenant()),
                new ProjectRole(account.project().id, account.project().name, account.role(), account.project().archivedAt));
        return RestResponse.ResponseBuilder.<AccountViews.Registered>create(RestResponse.Status.CREATED).entity(body)
                .cookie(refreshCookie.of(account.refreshToken())).build();
    }

    /** Creates the invitee's account and signs them in, like registration but into the inviting project. */
    @POST
    @Path("/invitations/accept")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AccountViews.Registered>> acceptInvitation(@Valid @NotNull AcceptInvitationRequest request,
            HttpServerRequest http) {
        return signups.admit(clientAddresses.of(http)).chain(() -> sessions.acceptInvitation(request))
                .map(this::registered);
    }

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AccountViews.LoggedIn>> login(@Valid @NotNull LoginRequest request,
            HttpServerRequest http) {
        return sessions.login(request, clientAddresses.of(http)).map(session -> RestResponse.ResponseBuilder.ok(new AccountViews.LoggedIn(
                session.accessToken().accessToken(), session.accessToken().expiresIn(),
                AccountViews.UserView.of(session.user()), session.projects().get(0).id(), session.projects()))
                .cookie(refreshCookie.of(session.refreshToken())).build());
    }

    @POST
    @Path("/refresh")
    @PermitAll
    public Uni<RestResponse<AccessToken>> refresh(@CookieParam(RefreshCookie.NAME) String token,
            @HeaderParam("Origin") String origin) {
        cookieOrigins.check(origin);
        return sessions.refresh(token).map(refreshed -> RestResponse.ResponseBuilder.ok(refreshed.accessToken())
                .cookie(refreshCookie.of(refreshed.refreshToken())).build());
    }

    @POST
    @Path("/logout")
    @PermitAll
    public Uni<RestResponse<Void>> logout(@CookieParam(RefreshCookie.NAME) String token,
            @HeaderParam("Origin") String origin) {
        cookieOrigins.check(origin);
        return sessions.logout(token).map(ignored -> RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(refreshCookie.cleared()).build());
    }

    @POST
    @Path("/switch-project")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AccessToken> switchProject(@Valid @NotNull SwitchProjectRequest request,
            @CookieParam(RefreshCookie.NAME) String token) {
        return sessions.switchProject(callerContext.get(), request.projectId(), token);
    }

    /**
     * A ticket for the caller's project with the role they hold now, not the one in their access
     * token (which lives 15 minutes): someone removed or demoted since cannot reconnect as before.
     */
    @POST
    @Path("/ws-ticket")
    @RolesAllowed(Roles.VIEWER)
    @WithSession
    public Uni<AccountViews.Ticket> wsTicket() {
        Caller caller = callerContext.get();
        return accounts.projectOf(caller.userId(), caller.projectId())
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemType.FORBIDDEN,
                        "You are no longer a member of this project: sign in again"))
                .chain(membership -> tickets.issue(new Caller(caller.tenantId(), caller.projectId(), membership.role(),
                        caller.actor())))
                .map(AccountViews.Ticket::new);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.VIEWER)
    @WithSession
    public Uni<AccountViews.Me> me() {
        Caller caller = callerContext.get();
        UUID userId = caller.userId();
        return accounts.user(userId).chain(user -> Tenant.<Tenant>findById(user.tenantId)
                .chain(tenant -> accounts.projectsOf(userId).map(projects -> new AccountViews.Me(
                        AccountViews.UserView.of(user), AccountViews.TenantView.of(tenant),
                        projects.stream().filter(project -> project.id().equals(caller.projectId())).findFirst().orElse(null),
                        projects))));
    }
}

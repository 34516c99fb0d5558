package io.srecopilot.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.Invitation;
import io.srecopilot.auth.MemberView;
import io.srecopilot.auth.service.MemberService;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The active project's members; the list includes its open invitations. */
@Path("/api/v1/projects/{projectId}/members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final MemberService members;
    private final CallerContext callerContext;

    public MemberResource(MemberService members, CallerContext callerContext) {
        this.members = members;
        this.callerContext = callerContext;
    }

    public record InvitationView(UUID id, String email, Role role, Instant createdAt, Instant expiresAt) {
        static InvitationView of(Invitation invitation) {
            return invitation == null ? null : new InvitationView(invitation.id, invitation.email, invitation.role,
                    invitation.createdAt, invitation.expiresAt);
        }
    }

    public record Members(List<MemberView> items, List<InvitationView> invitations) {
    }

    /** A member added, or an invitation and its token (shown this once) to pass on to the invitee. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Added(MemberView member, InvitationView invitation, String invitationToken) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<Members> list(@PathParam("projectId") UUID projectId) {
        return members.list(callerContext.get(), projectId).map(found -> new Members(found.members(),
                found.invitations().stream().map(InvitationView::of).toList()));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Added>> add(@PathParam("projectId") UUID projectId, @Valid @NotNull ProjectRequests.AddMember request) {
        return members.add(callerContext.get(), projectId, request.email(), request.role())
                .map(added -> RestResponse.ResponseBuilder.<Added>create(RestResponse.Status.CREATED)
                        .entity(new Added(added.member(), InvitationView.of(added.invitation()), added.invitationToken()))
                        .build());
    }

    @PATCH
    @Path("/{userId}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MemberView> changeRole(@PathParam("projectId") UUID projectId, @PathParam("userId") UUID userId,
            @Valid @NotNull ProjectRequests.ChangeRole request) {
        return members.changeRole(callerContext.get(), projectId, userId, request.role());
    }

    /** Admins remove members; any member may remove themselves (leave). */
    @DELETE
    @Path("/{userId}")
    @RolesAllowed(Roles.VIEWER)
    public Uni<RestResponse<Void>> remove(@PathParam("projectId") UUID projectId, @PathParam("userId") UUID userId) {
        return members.remove(callerContext.get(), projectId, userId).map(ignored -> RestResponse.noContent());
    }
}

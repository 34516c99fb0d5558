package io.srecopilot.auth.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.service.MemberService;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The active project's open invitations (listed with its members). */
@Path("/api/v1/projects/{projectId}/invitations")
public class InvitationResource {

    private final MemberService members;
    private final CallerContext callerContext;

    public InvitationResource(MemberService members, CallerContext callerContext) {
        this.members = members;
        this.callerContext = callerContext;
    }

    @DELETE
    @Path("/{invitationId}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Void>> revokeInvitation(@PathParam("projectId") UUID projectId,
            @PathParam("invitationId") UUID invitationId) {
        return members.revokeInvitation(callerContext.get(), projectId, invitationId).map(ignored -> RestResponse.noContent());
    }
}

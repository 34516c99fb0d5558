package io.srecopilot.audit.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.audit.chain.ChainReport;
import io.srecopilot.audit.chain.ChainVerifier;
import io.srecopilot.audit.chain.RetentionSettings;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tenant's whole audit trail, for its owners: whether the chain holds, and how long it is kept. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    private final ChainVerifier verifier;
    private final RetentionSettings retention;
    private final CallerContext callerContext;
    private final ChangeRecorder audited;

    public ChainResource(ChainVerifier verifier, RetentionSettings retention, CallerContext callerContext,
            ChangeRecorder audited) {
        this.audited = audited;
        this.verifier = verifier;
        this.retention = retention;
        this.callerContext = callerContext;
    }

    /** Recomputes the tenant's chain from its checkpoint to its head; reports the first break. */
    @GET
    @Path("/verify")
    @RolesAllowed(Roles.OWNER)
    public Uni<ChainReport> verify() {
        return verifier.verify(callerContext.get().tenantId());
    }

    @GET
    @Path("/retention")
    @RolesAllowed(Roles.OWNER)
    public Uni<RetentionSettings.Retention> retention() {
        return retention.of(callerContext.get());
    }

    @PUT
    @Path("/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OWNER)
    public Uni<RetentionSettings.Retention> setRetention(@Valid @NotNull RetentionRequest request) {
        Caller caller = callerContext.get();
        return retention.of(caller).invoke(audited::before).chain(() -> retention.set(caller, request.days()));
    }

    public record RetentionRequest(@NotNull @Min(1) @Max(3650) Integer days) {
    }
}

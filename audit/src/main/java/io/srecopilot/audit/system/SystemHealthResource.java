package io.srecopilot.audit.system;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The health of SRE Copilot itself, for anyone signed in to a project: when alerts seem late, the
 * on-call engineer can see whether a service or the event pipeline is the reason. Served by audit,
 * the service that already watches every event (docs/decisions/016-system-health-from-audit.md).
 */
@Path("/api/v1/system/health")
@Produces(MediaType.APPLICATION_JSON)
public class SystemHealthResource {

    private final SystemHealthService service;

    public SystemHealthResource(SystemHealthService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<SystemHealth> health() {
        return service.health();
    }
}

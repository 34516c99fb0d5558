package io.srecopilot.ingest.rest;

import io.srecopilot.ingest.poller.TemplateLibrary;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The built-in query templates (golden signals and USE) to pick from. */
@Path("/api/v1/integrations/query-template-library")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateLibraryResource {

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<TemplateLibrary.Entry> list() {
        return Page.whole(TemplateLibrary.entries());
    }
}

package io.srecopilot.ai.context;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest's context API, asked with this service's own account (client credentials at auth). */
@RegisterRestClient(configKey = "sre-ingest")
@Path("/api/v1/signals/context")
public interface IngestContextClient {

    @GET
    Uni<IngestContextView> context(@HeaderParam("Authorization") String bearer, @QueryParam("tenantId") UUID tenantId,
            @QueryParam("projectId") UUID projectId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("around") String around, @QueryParam("signals") boolean signals);
}

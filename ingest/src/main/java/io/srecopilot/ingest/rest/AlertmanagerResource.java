package io.srecopilot.ingest.rest;

import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.alertmanager.AlertmanagerBatches;
import io.srecopilot.ingest.alertmanager.AlertmanagerWebhook;
import io.srecopilot.ingest.alertmanager.TruncatedGroupBackfill;
import io.srecopilot.ingest.service.AlertIngestService;
import io.srecopilot.ingest.service.IngestReceipt;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import io.srecopilot.platform.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Alertmanager's webhook receiver. Answers 200 only after the alerts are committed, so
 * Alertmanager retries anything that was not; a retry changes nothing.
 */
@Path("/api/v1/ingest/alertmanager")
@Produces(MediaType.APPLICATION_JSON)
public class AlertmanagerResource {

    private final AlertIngestService service;
    private final TruncatedGroupBackfill backfill;
    private final CallerContext callerContext;

    public AlertmanagerResource(AlertIngestService service, TruncatedGroupBackfill backfill,
            CallerContext callerContext) {
        this.service = service;
        this.backfill = backfill;
        this.callerContext = callerContext;
    }

    @POST
    @RolesAllowed({ Scopes.INGEST_WRITE, Roles.ENGINEER })
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<IngestReceipt> receive(@Valid @NotNull AlertmanagerWebhook notification) {
        Caller caller = callerContext.get();
        return service.ingest(caller, AlertmanagerBatches.of(notification)).invoke(() -> {
            if (notification.truncatedAlerts() != null && notification.truncatedAlerts() > 0) {
                backfill.start(caller, notification);
            }
        });
    }
}

package io.srecopilot.incidents.notification;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.rest.IfMatch;
import io.srecopilot.incidents.rest.Items;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.PageLimits;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The active project's notification channels; admins only, as they name where incident news goes. */
@Path("/api/v1/notification-channels")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class NotificationChannelResource {

    private final NotificationChannelService service;
    private final CallerContext callerContext;

    public NotificationChannelResource(NotificationChannelService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    public Uni<Items<ChannelView>> list() {
        return service.list(callerContext.get()).map(Items::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ChannelView>> create(@Valid @NotNull ChannelRequest request, UriInfo uriInfo) {
        return service.create(callerContext.get(), request).map(channel -> RestResponse.ResponseBuilder
                .<ChannelView>created(uriInfo.getAbsolutePathBuilder().path(channel.id().toString()).build())
                .entity(channel).header(HttpHeaders.ETAG, IfMatch.etag(channel.version())).build());
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<ChannelView>> get(@PathParam("id") UUID id) {
        return service.view(callerContext.get(), id).map(NotificationChannelResource::withEtag);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ChannelView>> replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ChannelRequest request) {
        return service.replace(callerContext.get(), id, IfMatch.expectedVersion(ifMatch), request)
                .map(NotificationChannelResource::withEtag);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") UUID id) {
        return service.delete(callerContext.get(), id).map(ignored -> RestResponse.noContent());
    }

    /** Queues a test message; follow it in the delivery log. */
    @POST
    @Path("/{id}/test")
    public Uni<RestResponse<DeliveryView>> sendTest(@PathParam("id") UUID id) {
        return service.sendTest(callerContext.get(), id)
                .map(delivery -> RestResponse.status(RestResponse.Status.ACCEPTED, delivery));
    }

    @GET
    @Path("/{id}/deliveries")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageLimits.MAX) int limit) {
        return service.deliveries(callerContext.get(), id, Cursor.decode(cursor), limit);
    }

    private static RestResponse<ChannelView> withEtag(ChannelView channel) {
        return RestResponse.ResponseBuilder.ok(channel).header(HttpHeaders.ETAG, IfMatch.etag(channel.version())).build();
    }
}

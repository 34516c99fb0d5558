package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.Page;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The active project's notification channels: kept, changed, tested, and their delivery logs. */
@ApplicationScoped
public class NotificationChannelService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TargetGuard guard;
    private final Outbox outbox;
    private final EventCodec codec;
    private final ChangeRecorder audited;
    private final ChannelSecrets secrets;

    public NotificationChannelService(TargetGuard guard, Outbox outbox, EventCodec codec, ChangeRecorder audited,
            ChannelSecrets secrets) {
        this.secrets = secrets;
        this.audited = audited;
        this.guard = guard;
        this.outbox = outbox;
        this.codec = codec;
    }

    @WithSession
    public Uni<List<ChannelView>> list(Caller caller) {
        return NotificationChannel.<NotificationChannel>list("tenantId = ?1 and projectId = ?2 order by name",
                caller.tenantId(), caller.projectId())
                .map(channels -> channels.stream().map(channel -> ChannelView.of(channel, null)).toList());
    }

    @WithSession
    public Uni<ChannelView> view(Caller caller, UUID id) {
        return get(caller, id).map(channel -> ChannelView.of(channel, null));
    }

    /** Creates the channel; a webhook's generated secret is in the answer, and never again. */
    @WithTransaction
    public Uni<ChannelView> create(Caller caller, ChannelRequest request) {
        ChannelRules.check(request, guard);
        return checkNameFree(caller, request.name().strip(), null).chain(() -> {
            NotificationChannel channel = new NotificationChannel();
            channel.id = UUID.randomUUID();
            channel.tenantId = caller.tenantId();
            channel.projectId = caller.projectId();
            channel.createdAt = Timestamps.now();
            String generated = request.type() == ChannelType.WEBHOOK && request.secret() == null ? newSecret() : null;
            fill(channel, request, generated);
            return channel.<NotificationChannel>persist()
                    .call(() -> announce(EventTypes.NOTIFICATION_CHANNEL_CREATED, channel, caller))
                    .map(saved -> ChannelView.of(saved, generated));
        });
    }

    /** Replaces the channel; the webhook secret stays unless a new one is given. */
    @WithTransaction
    public Uni<ChannelView> replace(Caller caller, UUID id, Long expectedVersion, ChannelRequest request) {
        ChannelRules.check(request, guard);
        return get(caller, id).call(() -> checkNameFree(caller, request.name().strip(), id)).chain(channel -> {
            if (expectedVersion != null && expectedVersion != channel.version) {
                throw ProblemException.preconditionFailed("Channel " + channel.name + " is at version " + channel.version
                        + ", not " + expectedVersion + "; reload it");
            }
            audited.before(ChannelView.of(channel, null));
            boolean keepsSigningKey = channel.type == ChannelType.WEBHOOK && channel.sealedSecret != null;
            String generated = request.type() == ChannelType.WEBHOOK && request.secret() == null && !keepsSigningKey
                    ? newSecret() : null;
            fill(channel, request, generated);
            channel.updatedAt = Timestamps.now();
            return channel.<NotificationChannel>persistAndFlush()
                    .call(() -> announce(EventTypes.NOTIFICATION_CHANNEL_UPDATED, channel, caller))
                    .map(saved -> ChannelView.of(saved, generated));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return get(caller, id).invoke(channel -> audited.before(ChannelView.of(channel, null)))
                .call(channel -> announce(EventTypes.NOTIFICATION_CHANNEL_DELETED, channel, caller))
                .chain(channel -> channel.delete());
    }

    /** Queues a test message, delivered (and retried, and logged) like any other. */
    @WithTransaction
    public Uni<DeliveryView> sendTest(Caller caller, UUID id) {
        return get(caller, id).chain(channel -> {
            var payload = JsonNodeFactory.instance.objectNode().put("eventType", NotificationDelivery.TEST_EVENT)
                    .put("message", "Sent by " + caller.actor().type().value() + " " + caller.actor().id() + ".");
            NotificationDelivery delivery = NotificationRouter.delivery(channel, UUID.randomUUID(),
                    NotificationDelivery.TEST_EVENT, null, payload);
            return delivery.<NotificationDelivery>persist().map(DeliveryView::of);
        });
    }

    /** The channel's deliveries, newest first. */
    @WithSession
    public Uni<Page<DeliveryView>> deliveries(Caller caller, UUID id, Cursor after, int limit) {
        return get(caller, id).chain(channel -> {
            String where = "channelId = :channelId" + (after == null ? "" : " and (createdAt < :at or (createdAt = :at and id < :id))");
            Parameters parameters = Parameters.with("channelId", channel.id);
            if (after != null) {
                parameters.and("at", after.at()).and("id", after.id());
            }
            return NotificationDelivery.<NotificationDelivery>find(where + " order by createdAt desc, id desc", parameters)
                    .range(0, limit).list()
                    .map(rows -> Page.of(rows, limit, row -> new Cursor(row.createdAt, row.id), DeliveryView::of));
        });
    }

    private Uni<NotificationChannel> get(Caller caller, UUID id) {
        return NotificationChannel.<NotificationChannel>find("id = ?1 and tenantId = ?2 and projectId = ?3", id,
                caller.tenantId(), caller.projectId()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("notification channel", id));
    }

    private static Uni<Void> checkNameFree(Caller caller, String name, UUID self) {
        return NotificationChannel.<NotificationChannel>find("projectId = ?1 and name = ?2", caller.projectId(), name)
                .firstResult().map(existing -> {
                    if (existing != null && !existing.id.equals(self)) {
                        throw ProblemException.conflict("The project already has a channel named " + name);
                    }
                    return null;
                }).replaceWithVoid();
    }

    /** A webhook keeps its signing key unless given or generated a new one; a Slack URL is sealed, shown masked. */
    private void fill(NotificationChannel channel, ChannelRequest request, String generatedSecret) {
        channel.name = request.name().strip();
        channel.type = request.type();
        String url = request.url() == null ? null : request.url().strip();
        channel.config = new NotificationChannel.Target(request.type() == ChannelType.SLACK ? ChannelView.masked(url) : url,
                request.to());
        if (request.type() == ChannelType.SLACK) {
            secrets.seal(channel, url);
        } else if (request.type() != ChannelType.WEBHOOK) {
            secrets.seal(channel, null);
        } else if (request.secret() != null) {
            secrets.seal(channel, request.secret());
        } else if (generatedSecret != null) {
            secrets.seal(channel, generatedSecret);
        }
        ChannelRequest.RoutingRequest routing = request.routing();
        channel.routing = routing == null ? new Routing(null, null, null)
                : new Routing(routing.minSeverity(), routing.services(), routing.events());
        channel.enabled = request.enabled() == null || request.enabled();
        channel.updatedAt = Timestamps.now();
    }

    private Uni<Void> announce(String type, NotificationChannel channel, Caller caller) {
        return outbox.append(EventEnvelope.create(type, channel.tenantId, channel.projectId, caller.actor(),
                new ResourceRef("notification-channel", channel.id.toString()), codec.toData(ChannelView.of(channel, null))));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

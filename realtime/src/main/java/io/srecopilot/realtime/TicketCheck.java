package io.srecopilot.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.RequestAuditPublisher;
import io.srecopilot.platform.security.WsTicket;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Admits a WebSocket handshake only from an allowed Origin or its own (403 otherwise) and with a valid ticket
 * from auth ({@code /ws?ticket=…}), redeemed atomically (GETDEL) so it opens one connection at
 * most (401 otherwise, before the upgrade). The ticket's tenant and project, and the last event
 * id a reconnecting client names, travel with the connection.
 */
@ApplicationScoped
public class TicketCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<WsTicket> TICKET = new UserData.TypedKey<>("sre.ticket");
    /** The last event a reconnecting client saw ({@code /ws?ticket=…&lastEventId=…}), for replay. */
    static final UserData.TypedKey<String> LAST_EVENT_ID = new UserData.TypedKey<>("sre.last-event-id");
    private static final Logger LOG = Logger.getLogger(TicketCheck.class);
    private static final int MAX_TICKET_LENGTH = 128;

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final RealtimeConfig config;
    private final RequestAuditPublisher audit;

    public TicketCheck(ReactiveRedisDataSource redis, ObjectMapper mapper, RealtimeConfig config,
            RequestAuditPublisher audit) {
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.config = config;
        this.audit = audit;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && !config.allowedOrigins().contains(origin) && !sameOrigin(origin, context)) {
            // A page of another site must not ride a user's ticket (cross-site WebSocket hijacking).
            return refuse(context, 403);
        }
        String lastEventId = context.httpRequest().getParam("lastEventId");
        if (lastEventId != null && lastEventId.length() <= MAX_TICKET_LENGTH) {
            context.userData().put(LAST_EVENT_ID, lastEventId);
        }
        return redeem(context.httpRequest().getParam("ticket")).chain(ticket -> {
            if (ticket == null) {
                return refuse(context, 401);
            }
            context.userData().put(TICKET, ticket);
            return CheckResult.permitUpgrade();
        }).onFailure().recoverWithUni(failure -> {
            // Redis down or its pool saturated by a wave of reconnects: the client should retry, not give up.
            LOG.warnf("WebSocket ticket not checked, answered 503: %s", failure.toString());
            return CheckResult.rejectUpgrade(503);
        });
    }

    /** Refuses the handshake and leaves a record of it for the audit trail. */
    private Uni<CheckResult> refuse(HttpUpgradeContext context, int status) {
        audit.refusedHandshake(context.httpRequest(), status);
        return CheckResult.rejectUpgrade(status);
    }

    /** A page served from this very host may connect (it is not another site). */
    private static boolean sameOrigin(String origin, HttpUpgradeContext context) {
        String host = context.httpRequest().getHeader("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** The ticket's claims, consumed so it serves once; null when it is unknown, used or unreadable. */
    Uni<WsTicket> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > MAX_TICKET_LENGTH) {
            return Uni.createFrom().nullItem();
        }
        return values.getdel(WsTicket.key(ticket)).map(stored -> {
            if (stored == null) {
                return null;
            }
            try {
                return mapper.readValue(stored, WsTicket.class);
            } catch (JsonProcessingException e) {
                LOG.warnf("Unreadable WebSocket ticket refused: %s", e.getMessage());
                return null;
            }
        });
    }
}

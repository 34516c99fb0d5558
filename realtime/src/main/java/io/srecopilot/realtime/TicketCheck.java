package io.srecopilot.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.security.WsTicket;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Admits a WebSocket handshake only with a valid ticket from auth ({@code /ws?ticket=…}),
 * redeemed atomically (GETDEL) so it opens one connection at most. Anything else is a 401
 * before the upgrade. The ticket's tenant and project travel with the connection.
 */
@ApplicationScoped
public class TicketCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<WsTicket> TICKET = new UserData.TypedKey<>("sre.ticket");
    private static final Logger LOG = Logger.getLogger(TicketCheck.class);
    private static final int MAX_TICKET_LENGTH = 128;

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper mapper;

    public TicketCheck(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.values = redis.value(String.class);
        this.mapper = mapper;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String ticket = context.httpRequest().getParam("ticket");
        if (ticket == null || ticket.isBlank() || ticket.length() > MAX_TICKET_LENGTH) {
            return CheckResult.rejectUpgrade(401);
        }
        return values.getdel(WsTicket.key(ticket)).chain(stored -> {
            if (stored == null) {
                return CheckResult.rejectUpgrade(401);
            }
            try {
                context.userData().put(TICKET, mapper.readValue(stored, WsTicket.class));
                return CheckResult.permitUpgrade();
            } catch (JsonProcessingException e) {
                LOG.warnf("Unreadable WebSocket ticket refused: %s", e.getMessage());
                return CheckResult.rejectUpgrade(401);
            }
        });
    }
}

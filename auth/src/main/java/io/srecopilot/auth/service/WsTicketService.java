package io.srecopilot.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.auth.tokens.OpaqueTokens;
import io.srecopilot.platform.security.Caller;
import io.srecopilot.platform.security.WsTicket;
import jakarta.enterprise.context.ApplicationScoped;

/** Issues the one-use tickets browsers open the realtime WebSocket with. */
@ApplicationScoped
public class WsTicketService {

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final AuthConfig config;

    public WsTicketService(ReactiveRedisDataSource redis, ObjectMapper mapper, AuthConfig config) {
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.config = config;
    }

    public Uni<String> issue(Caller caller) {
        String ticket = OpaqueTokens.generate();
        WsTicket claims = new WsTicket(caller.tenantId(), caller.projectId(), caller.actor().id(), caller.role());
        try {
            return values.setex(WsTicket.key(ticket), config.wsTicketLifetime().toSeconds(), mapper.writeValueAsString(claims))
                    .replaceWith(ticket);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}

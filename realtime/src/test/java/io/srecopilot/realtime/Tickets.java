package io.srecopilot.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.srecopilot.platform.security.WsTicket;
import java.time.Duration;
import java.util.UUID;

/** WebSocket tickets as auth stores them, for tests. */
final class Tickets {

    private Tickets() {
    }

    static String issue(ReactiveRedisDataSource redis, ObjectMapper mapper, WsTicket claims) {
        String ticket = UUID.randomUUID().toString();
        try {
            redis.value(String.class).setex(WsTicket.key(ticket), 30, mapper.writeValueAsString(claims))
                    .await().atMost(Duration.ofSeconds(10));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ticket is plain JSON", e);
        }
        return ticket;
    }
}

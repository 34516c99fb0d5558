package io.srecopilot.platform.security;

import java.util.UUID;

/**
 * A one-use WebSocket ticket: browsers cannot set headers on a WebSocket, so auth hands out a
 * short-lived random ticket in Redis and realtime redeems (deletes) it during the handshake.
 */
public record WsTicket(UUID tenantId, UUID projectId, String userId, Role role) {

    public static final String KEY_PREFIX = "sre:ws-ticket:";

    public static String key(String ticket) {
        return KEY_PREFIX + ticket;
    }
}

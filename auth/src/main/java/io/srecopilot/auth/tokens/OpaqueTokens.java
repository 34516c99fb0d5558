package io.srecopilot.auth.tokens;

import io.srecopilot.platform.security.Hashes;
import java.security.SecureRandom;
import java.util.Base64;

/** Random bearer secrets (refresh tokens, WebSocket tickets) and the hashes they are stored under. */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {
    }

    /** 256 random bits, URL-safe. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Hashes.sha256Hex(token);
    }
}

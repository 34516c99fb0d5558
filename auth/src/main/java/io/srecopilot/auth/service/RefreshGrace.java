package io.srecopilot.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.auth.tokens.OpaqueTokens;
import io.srecopilot.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Two tabs of one browser refresh at once with the same cookie: the second finds the token used
 * and, without this, would be taken for a thief replaying it, revoking the whole login. So for a
 * short grace window the successor each token was rotated to is remembered, and a second
 * presentation in that window gets that same successor. It is kept in Redis sealed with a key
 * derived from the used token itself: only someone who holds that token — who may refresh with it
 * anyway — can read it, and Redis holds nothing a reader could use. Past the window, or with Redis
 * unreachable, a reused token is a replay as before.
 */
@ApplicationScoped
public class RefreshGrace {

    private static final Logger LOG = Logger.getLogger(RefreshGrace.class);
    private static final String KEY_PREFIX = "sre:auth:refresh-grace:";
    private static final String PURPOSE = "refresh-grace";

    private final ReactiveValueCommands<String, String> values;
    private final AuthConfig config;

    public RefreshGrace(ReactiveRedisDataSource redis, AuthConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    /** Remembers the successor of a token just used; a failure only costs the grace. */
    public Uni<Void> remember(String used, String successor) {
        if (config.refreshGrace().isZero()) {
            return Uni.createFrom().voidItem();
        }
        return values.setex(key(used), Math.max(1, config.refreshGrace().toSeconds()), box(used).encrypt(successor, PURPOSE))
                .onFailure().invoke(failure -> LOG.warnf("Refresh grace not kept (Redis): %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The successor the token was rotated to within the window, or null. */
    public Uni<String> successorOf(String used) {
        if (config.refreshGrace().isZero()) {
            return Uni.createFrom().nullItem();
        }
        return values.get(key(used))
                .map(sealed -> sealed == null ? null : box(used).decrypt(sealed, PURPOSE))
                .onFailure().invoke(failure -> LOG.warnf("Refresh grace not read (Redis): %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private static String key(String used) {
        return KEY_PREFIX + OpaqueTokens.hash(used);
    }

    /** A box whose key only a holder of the used token can derive (the stored hash is another digest). */
    private static SecretBox box(String used) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(("sealing:" + used).getBytes(StandardCharsets.UTF_8));
            return new SecretBox(Base64.getEncoder().encodeToString(key), List.of());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

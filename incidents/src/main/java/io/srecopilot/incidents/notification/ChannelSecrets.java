package io.srecopilot.incidents.notification;

import io.srecopilot.platform.crypto.SealedColumn;
import io.srecopilot.platform.crypto.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Seals and opens a channel's secret (a webhook's signing key, a Slack channel's URL), bound to the
 * channel so that a sealed value copied onto another row does not open.
 */
@ApplicationScoped
public class ChannelSecrets {

    static final String OWNER = "notification-channel:";

    private final SecretBox box;

    public ChannelSecrets(SecretBox box) {
        this.box = box;
    }

    void seal(NotificationChannel channel, String secret) {
        channel.sealedSecret = secret == null ? null : box.encrypt(secret, OWNER + channel.id);
    }

    /** @throws IllegalStateException when the channel has none, or it does not open with the deployment's keys */
    String open(NotificationChannel channel) {
        if (channel.sealedSecret == null) {
            throw new IllegalStateException("Channel " + channel.id + " has no secret");
        }
        try {
            return box.decrypt(channel.sealedSecret, OWNER + channel.id);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret of channel " + channel.id + " does not open ("
                    + e.getMessage() + "); was a previous key left out of SRE_ENCRYPTION_PREVIOUS_KEYS?", e);
        }
    }

    /** The column platform's SecretRotation keeps on the current key. */
    @Produces
    @Singleton
    static SealedColumn sealedColumn() {
        return new SealedColumn("notification_channel", "id", "sealed_secret", OWNER);
    }
}

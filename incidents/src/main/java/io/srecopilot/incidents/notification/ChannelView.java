package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A channel as admins see it. URLs often carry tokens (Slack's always do), so only their scheme,
 * host and the start of their path are shown; {@code signingSecret} appears once, when created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelView(UUID id, String name, ChannelType type, String url, List<String> to, Routing routing,
        boolean enabled, Boolean hasSigningSecret, String signingSecret, Instant createdAt, Instant updatedAt,
        long version) {

    static ChannelView of(NotificationChannel channel, String revealedSecret) {
        return new ChannelView(channel.id, channel.name, channel.type, masked(channel.config.url()),
                channel.type == ChannelType.EMAIL ? channel.config.to() : null, channel.routing, channel.enabled,
                channel.type == ChannelType.WEBHOOK ? channel.sealedSecret != null : null, revealedSecret, channel.createdAt,
                channel.updatedAt, channel.version);
    }

    /** https://hooks.slack.com/services/T0…: enough to recognise, too little to use. */
    static String masked(String url) {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String shown = path.length() <= 12 ? path : path.substring(0, 12) + "…";
        return uri.getScheme() + "://" + uri.getRawAuthority() + shown;
    }
}

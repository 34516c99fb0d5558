package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the delivery as JSON, signed so receivers can trust it: {@code X-SRE-Copilot-Signature:
 * sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the channel secret>}, with the
 * timestamp (Unix seconds) in {@code X-SRE-Copilot-Timestamp} so replays can be refused.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    public static final String SIGNATURE = "X-SRE-Copilot-Signature";
    public static final String TIMESTAMP = "X-SRE-Copilot-Timestamp";

    private final HttpPoster poster;
    private final ObjectMapper mapper;
    private final ChannelSecrets secrets;

    public WebhookSender(HttpPoster poster, ObjectMapper mapper, ChannelSecrets secrets) {
        this.poster = poster;
        this.mapper = mapper;
        this.secrets = secrets;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public Uni<Integer> send(NotificationChannel channel, NotificationDelivery delivery) {
        String body = body(delivery);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                "User-Agent", "SRE-Copilot-Notifications/1",
                "X-SRE-Copilot-Delivery", delivery.id.toString(),
                "X-SRE-Copilot-Event", delivery.eventType,
                TIMESTAMP, timestamp,
                SIGNATURE, "sha256=" + sign(secrets.open(channel), timestamp + "." + body));
        return poster.deliver(channel.config.url(), headers, body);
    }

    /** Hex HMAC-SHA256 of {@code message}: what receivers compute to check a delivery. */
    public static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private String body(NotificationDelivery delivery) {
        ObjectNode body = mapper.createObjectNode().put("deliveryId", delivery.id.toString())
                .put("eventId", delivery.eventId.toString());
        body.setAll((ObjectNode) delivery.payload);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A payload cannot be written as JSON", e);
        }
    }
}

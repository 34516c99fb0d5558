package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Posts a short message to a Slack incoming webhook. */
@ApplicationScoped
public class SlackSender implements ChannelSender {

    private final HttpPoster poster;
    private final IncidentLinks links;
    private final ChannelSecrets secrets;
    private final ObjectMapper mapper;

    public SlackSender(HttpPoster poster, IncidentLinks links, ObjectMapper mapper, ChannelSecrets secrets) {
        this.secrets = secrets;
        this.poster = poster;
        this.links = links;
        this.mapper = mapper;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public Uni<Integer> send(NotificationChannel channel, NotificationDelivery delivery) {
        String text = "*" + escape(NotificationText.headline(delivery.payload)) + "*\n"
                + escape(NotificationText.details(delivery.payload, links.of(delivery.incidentId)));
        String body;
        try {
            body = mapper.writeValueAsString(Map.of("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Slack message cannot be written as JSON", e);
        }
        // The URL is the credential: sealed, its masked form in the config for display.
        return poster.deliver(secrets.open(channel), Map.of("Content-Type", "application/json"), body);
    }

    /** Slack's mrkdwn reads &, < and > as markup; incident titles must not inject links or mentions. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

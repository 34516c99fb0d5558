package io.srecopilot.incidents.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Mails a plain-text message to the channel's addresses through the configured SMTP relay. */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final IncidentLinks links;

    public EmailSender(ReactiveMailer mailer, IncidentLinks links) {
        this.mailer = mailer;
        this.links = links;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public Uni<Integer> send(NotificationChannel channel, NotificationDelivery delivery) {
        Mail mail = Mail.withText(channel.config.to().get(0), "[SRE Copilot] " + NotificationText.headline(delivery.payload),
                NotificationText.details(delivery.payload, links.of(delivery.incidentId)));
        mail.setTo(channel.config.to());
        mail.addHeader("X-SRE-Copilot-Delivery", delivery.id.toString());
        // SMTP refusals and unreachable relays alike are worth another try later.
        return mailer.send(mail).replaceWith(250).onFailure().transform(failure ->
                new DeliveryFailure("SMTP: " + failure.getMessage(), true, null));
    }
}

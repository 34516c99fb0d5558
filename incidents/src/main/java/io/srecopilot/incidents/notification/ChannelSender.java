package io.srecopilot.incidents.notification;

import io.smallrye.mutiny.Uni;

/** Sends one delivery over one type of channel. */
public interface ChannelSender {

    ChannelType type();

    /** Completes when the channel accepted the message; fails with {@link DeliveryFailure} otherwise. */
    Uni<Integer> send(NotificationChannel channel, NotificationDelivery delivery);
}

package io.srecopilot.incidents.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a channel is reached. */
public enum ChannelType {
    /** Any HTTP endpoint; the body is signed with HMAC-SHA256. */
    WEBHOOK,
    /** A Slack incoming webhook. */
    SLACK,
    /** E-mail through the platform's SMTP relay. */
    EMAIL;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChannelType of(String value) {
        return Arrays.stream(values()).filter(type -> type.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be webhook, slack or email"));
    }
}

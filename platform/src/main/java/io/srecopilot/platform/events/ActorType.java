package io.srecopilot.platform.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who caused an event: a person, an API key, a service account, or the platform itself. */
public enum ActorType {
    USER,
    APIKEY,
    SERVICE,
    SYSTEM;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActorType of(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException("Unknown actor type: " + value));
    }

    public static Optional<ActorType> fromValue(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(type -> type.value().equals(value.toString())).findFirst();
    }
}

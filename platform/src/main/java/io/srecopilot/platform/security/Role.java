package io.srecopilot.platform.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A member's role in a project. Each role includes every role below it, so a check for
 * {@code engineer} passes for admins and owners too.
 */
public enum Role {
    VIEWER,
    ENGINEER,
    ADMIN,
    OWNER;

    /** The name used in tokens, annotations and the API: lower case. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** This role and every role it includes, e.g. admin gives admin, engineer, viewer. */
    public List<Role> withIncluded() {
        return Arrays.stream(values()).filter(this::includes).toList();
    }

    @JsonCreator
    public static Role of(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException("Unknown role: " + value));
    }

    public static Optional<Role> fromValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(role -> role.value().equals(value)).findFirst();
    }
}

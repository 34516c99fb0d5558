package io.srecopilot.platform.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad something is, from worst to mildest; alerts, incidents and hypotheses share it. */
public enum Severity {
    CRITICAL,
    HIGH,
    WARNING,
    INFO;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown severity: " + value));
    }

    public static Optional<Severity> parse(String value) {
        return Arrays.stream(values()).filter(severity -> severity.value().equals(value)).findFirst();
    }

    /**
     * Reads the free-form {@code severity} label of an alert. Teams write page, P1, error, minor…;
     * anything unrecognised counts as a warning rather than being dropped.
     */
    public static Severity fromLabel(String label) {
        if (label == null) {
            return WARNING;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "page", "fatal", "emergency", "p1", "sev1" -> CRITICAL;
            case "high", "error", "major", "p2", "sev2" -> HIGH;
            case "info", "informational", "low", "none", "p4", "p5", "sev4", "sev5" -> INFO;
            default -> WARNING;
        };
    }

    public boolean isWorseThan(Severity other) {
        return ordinal() < other.ordinal();
    }
}

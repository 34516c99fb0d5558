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
    MEDIUM,
    LOW,
    INFO;

    private static final String LEGACY_MEDIUM = "warning";

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads our own vocabulary strictly, so a client's typo is a 400 rather than a silent medium;
     * "warning", which events and snapshots written before medium existed carry, reads as medium.
     */
    @JsonCreator
    public static Severity of(String value) {
        if (LEGACY_MEDIUM.equals(value)) {
            return MEDIUM;
        }
        return parse(value).orElseThrow(() -> new IllegalArgumentException(
                "must be one of " + String.join(", ", Arrays.stream(values()).map(Severity::value).toList())));
    }

    public static Optional<Severity> parse(String value) {
        return Arrays.stream(values()).filter(severity -> severity.value().equals(value)).findFirst();
    }

    /**
     * Reads the free-form {@code severity} label of an alert. Teams write page, P1, error, warning,
     * minor…; anything unrecognised counts as medium rather than being dropped.
     */
    public static Severity fromLabel(String label) {
        if (label == null) {
            return MEDIUM;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "page", "fatal", "emergency", "disaster", "p1", "sev1" -> CRITICAL;
            case "high", "error", "major", "p2", "sev2" -> HIGH;
            case "low", "minor", "p4", "sev4" -> LOW;
            case "info", "informational", "none", "notice", "debug", "p5", "sev5" -> INFO;
            default -> MEDIUM;
        };
    }

    public boolean isWorseThan(Severity other) {
        return ordinal() < other.ordinal();
    }
}

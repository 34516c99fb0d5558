package io.srecopilot.ai.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One thing a policy does when its condition holds. {@code severity} goes with
 * {@code set_severity}, {@code channel} (a notification channel's id or name) with {@code notify}.
 */
public record PolicyAction(
        @NotNull @Pattern(regexp = "auto_acknowledge|set_severity|notify|request_human_review|mark_inconclusive",
                message = "must be auto_acknowledge, set_severity, notify, request_human_review or mark_inconclusive")
        String type,
        @Pattern(regexp = "critical|high|medium|low|info", message = "must be critical, high, medium, low or info")
        String severity,
        @Size(max = 255) String channel) {

    /** The incident state the action moves to, for incidents to apply; null when it moves none. */
    public String targetState() {
        return switch (type) {
            case "auto_acknowledge" -> "ACKNOWLEDGED";
            case "mark_inconclusive" -> "INCONCLUSIVE";
            default -> null;
        };
    }

    /** What Bean Validation cannot say: the parameter each type needs. Null when complete. */
    String missingParameter() {
        if ("set_severity".equals(type) && severity == null) {
            return "severity is required for set_severity";
        }
        if ("notify".equals(type) && (channel == null || channel.isBlank())) {
            return "channel is required for notify";
        }
        return null;
    }
}

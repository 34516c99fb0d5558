package io.srecopilot.ai.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record FeedbackRequest(
        @NotNull @Pattern(regexp = "accepted|rejected", message = "must be accepted or rejected") String verdict,
        @Size(max = 4_000) String note) {
}

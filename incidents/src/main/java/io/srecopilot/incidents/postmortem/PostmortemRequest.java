package io.srecopilot.incidents.postmortem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A postmortem as written (a PUT replaces it whole). A draft needs only its summary; LEARNED
 * also needs impact and root cause. Action items keep their id across edits when sent back.
 */
public record PostmortemRequest(
        @NotBlank @Size(max = 20_000) String summary,
        @Size(max = 20_000) String impact,
        @Size(max = 20_000) String rootCause,
        @Valid ConfirmedHypothesis confirmedHypothesis,
        @Size(max = 50) List<@NotBlank @Size(max = 2_000) String> contributingFactors,
        @Size(max = 100) List<@Valid @NotNull ActionItemRequest> actionItems) {

    /** The hypothesis (from ai's analysis, or written by hand) the team confirmed as the cause. */
    public record ConfirmedHypothesis(UUID id, @NotBlank @Size(max = 2_000) String claim) {
    }

    public record ActionItemRequest(
            UUID id,
            @NotBlank @Size(max = 2_000) String description,
            @Size(max = 200) String owner,
            LocalDate dueDate,
            @Pattern(regexp = "open|in_progress|done", message = "must be open, in_progress or done") String status) {
    }
}

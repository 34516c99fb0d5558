package io.srecopilot.ingest.alertmanager;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Alertmanager's webhook notification, version 4. */
public record AlertmanagerWebhook(
        @NotNull @Pattern(regexp = "4", message = "must be 4 (Alertmanager webhook version 4)") String version,
        @NotBlank @Size(max = 4_096) String groupKey,
        @Pattern(regexp = "firing|resolved") String status,
        @Size(max = 256) String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        @Size(max = 2_048) String externalURL,
        @PositiveOrZero Integer truncatedAlerts,
        @NotEmpty @Size(max = 5_000) List<@Valid @NotNull Alert> alerts) {

    public AlertmanagerWebhook {
        groupLabels = groupLabels == null ? Map.of() : groupLabels;
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
    }
}

package io.srecopilot.ingest.alertmanager;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** One alert of a notification; {@code labels} must name it ({@code alertname}). */
public record Alert(
        @NotNull @Pattern(regexp = "firing|resolved") String status,
        @NotEmpty @Size(max = 100) Map<@NotNull @Size(max = 256) String, @NotNull @Size(max = 4_096) String> labels,
        @Size(max = 100) Map<@NotNull @Size(max = 256) String, @NotNull @Size(max = 16_384) String> annotations,
        @NotNull Instant startsAt,
        Instant endsAt,
        @Size(max = 2_048) String generatorURL,
        @Size(max = 128) String fingerprint) {

    public Alert {
        annotations = annotations == null ? Map.of() : annotations;
    }

    public boolean firing() {
        return "firing".equals(status);
    }
}

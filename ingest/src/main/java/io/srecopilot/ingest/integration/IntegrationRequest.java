package io.srecopilot.ingest.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A Prometheus connection as admins write it. On update, an omitted token or password keeps the
 * stored one, and omitted {@code headers} keep the stored headers.
 */
public record IntegrationRequest(
        @NotNull @Pattern(regexp = "prometheus", message = "must be prometheus") String type,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 2_048) String url,
        @Size(max = 2_048) String alertmanagerUrl,
        @Valid Auth auth,
        @Size(max = 20) Map<@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+",
                message = "must be an HTTP header name") String, @NotNull @Size(max = 4_096) String> headers,
        Boolean tlsVerify) {

    /** {@code none}, {@code bearer} (token) or {@code basic} (username, password). */
    public record Auth(
            @NotNull @Pattern(regexp = "none|bearer|basic", message = "must be none, bearer or basic") String type,
            @Size(max = 4_096) String token,
            @Size(max = 255) String username,
            @Size(max = 1_024) String password) {
    }
}

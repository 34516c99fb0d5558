package io.srecopilot.incidents.notification;

import io.srecopilot.platform.domain.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A channel as an admin writes it. Webhooks and Slack need {@code url}; e-mail needs {@code to}.
 * A webhook's {@code secret} (at least 16 characters) is generated when not given.
 */
public record ChannelRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull ChannelType type,
        @Size(max = 2_000) String url,
        @Size(max = 20) List<@NotBlank @Email @Size(max = 254) String> to,
        @Size(min = 16, max = 200) String secret,
        @Valid RoutingRequest routing,
        Boolean enabled) {

    public record RoutingRequest(Severity minSeverity, @Size(max = 50) List<@NotBlank @Size(max = 100) String> services,
            List<@NotBlank String> events) {
    }
}

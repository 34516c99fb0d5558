package io.srecopilot.ai.runbook;

import java.util.List;

/** What a runbook is for: tags, services and alert-name patterns ({@code *} and {@code ?} wildcards). */
public record RunbookMatching(List<String> tags, List<String> services, List<String> alertPatterns) {

    public RunbookMatching {
        tags = tags == null ? List.of() : List.copyOf(tags);
        services = services == null ? List.of() : List.copyOf(services);
        alertPatterns = alertPatterns == null ? List.of() : List.copyOf(alertPatterns);
    }
}

package io.srecopilot.ingest.integration;

import java.util.Map;

/** What an integration keeps sealed: the bearer token or basic password, and the extra header values. */
public record IntegrationSecrets(String token, String password, Map<String, String> headers) {

    public IntegrationSecrets {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    static final IntegrationSecrets NONE = new IntegrationSecrets(null, null, Map.of());
}

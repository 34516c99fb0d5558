package io.srecopilot.ingest.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An integration as the API shows it: secrets never, only whether they are set. */
public record IntegrationView(UUID id, String type, String name, String url, String alertmanagerUrl, AuthView auth,
        List<String> headerNames, boolean tlsVerify, Health health, Instant createdAt, Instant updatedAt) {

    public record AuthView(String type, String username, boolean secretSet) {
    }

    /** {@code unknown} until first used; {@code ok} or {@code failing} after, by the latest attempt. */
    public record Health(String status, Instant lastSuccessAt, Instant lastErrorAt, String lastError) {

        static Health of(Integration integration) {
            String status = integration.lastSuccessAt == null && integration.lastErrorAt == null ? "unknown"
                    : integration.lastErrorAt == null || (integration.lastSuccessAt != null
                            && integration.lastSuccessAt.isAfter(integration.lastErrorAt)) ? "ok" : "failing";
            return new Health(status, integration.lastSuccessAt, integration.lastErrorAt, integration.lastError);
        }
    }

    static IntegrationView of(Integration integration) {
        return new IntegrationView(integration.id, integration.type, integration.name, integration.url,
                integration.alertmanagerUrl, new AuthView(integration.authType, integration.username,
                        integration.sealedSecrets != null && !"none".equals(integration.authType)),
                integration.headerNames, integration.tlsVerify, Health.of(integration), integration.createdAt,
                integration.updatedAt);
    }
}

package io.srecopilot.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.srecopilot.auth.service.ServiceAccounts;
import io.srecopilot.auth.tokens.AccessToken;
import io.srecopilot.auth.tokens.AccessTokenIssuer;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.security.ServiceScopes;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** OAuth 2.0 client credentials for service accounts (RFC 6749 §4.4): other services get short-lived tokens here. */
@Path("/api/v1/auth/token")
public class TokenResource {

    private static final String CLIENT_CREDENTIALS = "client_credentials";

    private final ServiceAccounts accounts;
    private final AccessTokenIssuer issuer;

    public TokenResource(ServiceAccounts accounts, AccessTokenIssuer issuer) {
        this.accounts = accounts;
        this.issuer = issuer;
    }

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, String scope) {
    }

    /**
     * {@code scope} (space-separated) asks for part of what the account may do, by default all of
     * it that needs no project; a per-project scope ({@code context:read}) needs {@code tenant_id}
     * and {@code project_id}, and the token then opens that project's calls only.
     */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret, @FormParam("scope") String scope,
            @FormParam("tenant_id") String tenantId, @FormParam("project_id") String projectId) {
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw ProblemException.invalid("grant_type", "must be client_credentials");
        }
        ServiceAccounts.Account account = accounts.authenticate(clientId, clientSecret)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown client or wrong secret"));
        AccessTokenIssuer.ProjectBinding project = project(tenantId, projectId);
        Set<String> scopes = scopes(account, scope, project != null);
        AccessToken token = issuer.issueForService(account.name(), scopes, project);
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn(), String.join(" ", scopes));
    }

    private static Set<String> scopes(ServiceAccounts.Account account, String requested, boolean forProject) {
        Set<String> scopes = new LinkedHashSet<>();
        if (requested == null || requested.isBlank()) {
            account.scopes().stream().filter(each -> ServiceScopes.perProject(each) == forProject).forEach(scopes::add);
            return scopes;
        }
        for (String each : requested.trim().split("\\s+")) {
            if (!account.scopes().contains(each)) {
                throw ProblemException.invalid("scope", each + " is not granted to " + account.name());
            }
            if (ServiceScopes.perProject(each) && !forProject) {
                throw ProblemException.invalid("scope", each + " needs tenant_id and project_id");
            }
            scopes.add(each);
        }
        return scopes;
    }

    private static AccessTokenIssuer.ProjectBinding project(String tenantId, String projectId) {
        if (tenantId == null && projectId == null) {
            return null;
        }
        return new AccessTokenIssuer.ProjectBinding(uuid("tenant_id", tenantId), uuid("project_id", projectId));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be an id (both tenant_id and project_id, or neither)");
        }
    }
}

package io.srecopilot.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.srecopilot.auth.service.ServiceAccounts;
import io.srecopilot.auth.tokens.AccessToken;
import io.srecopilot.auth.tokens.AccessTokenIssuer;
import io.srecopilot.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!CLIENT_CREDENTIALS.equals(grantType)) {
            throw ProblemException.invalid("grant_type", "must be client_credentials");
        }
        String service = accounts.authenticate(clientId, clientSecret)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown client or wrong secret"));
        AccessToken token = issuer.issueForService(service);
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn());
    }
}

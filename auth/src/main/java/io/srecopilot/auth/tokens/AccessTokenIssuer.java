package io.srecopilot.auth.tokens;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Signs the RS256 access tokens every service verifies: who ({@code sub}, {@code upn}), in which
 * tenant and project ({@code tid}, {@code pid}), with which role there ({@code groups}); the
 * {@code kid} header names the signing key.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    static final String ISSUER = "sre-copilot";

    private final AuthConfig config;
    private final SigningKeys keys;

    public AccessTokenIssuer(AuthConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    public AccessToken issue(UUID userId, String email, UUID tenantId, UUID projectId, Role role) {
        Instant now = Instant.now();
        String token = Jwt.issuer(ISSUER)
                .audience(ISSUER)
                .subject(userId.toString())
                .upn(email)
                .groups(role.value())
                .claim("tid", tenantId.toString())
                .claim("pid", projectId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenLifetime()))
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, config.accessTokenLifetime().toSeconds());
    }

    /**
     * A short-lived token for another service: {@code sub} service:&lt;name&gt;, role {@code service}
     * and its scopes in {@code groups}; bound to one project ({@code tid}, {@code pid}) when
     * {@code project} is given, else to none.
     */
    public AccessToken issueForService(String serviceName, Set<String> scopes, ProjectBinding project) {
        Instant now = Instant.now();
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Roles.SERVICE);
        groups.addAll(scopes);
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(ISSUER)
                .subject("service:" + serviceName)
                .groups(groups);
        if (project != null) {
            claims.claim("tid", project.tenantId().toString()).claim("pid", project.projectId().toString());
        }
        String token = claims
                .issuedAt(now)
                .expiresAt(now.plus(config.serviceTokenLifetime()))
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, config.serviceTokenLifetime().toSeconds());
    }

    /** The one project a service token is for. */
    public record ProjectBinding(UUID tenantId, UUID projectId) {
    }
}

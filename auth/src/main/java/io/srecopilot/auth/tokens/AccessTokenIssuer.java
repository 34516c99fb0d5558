package io.srecopilot.auth.tokens;

import io.smallrye.jwt.build.Jwt;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.security.Role;
import io.srecopilot.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** A short-lived token for another service: {@code sub} service:&lt;name&gt;, role {@code service}, no tenant. */
    public AccessToken issueForService(String serviceName) {
        Instant now = Instant.now();
        String token = Jwt.issuer(ISSUER)
                .audience(ISSUER)
                .subject("service:" + serviceName)
                .groups(Roles.SERVICE)
                .issuedAt(now)
                .expiresAt(now.plus(config.serviceTokenLifetime()))
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, config.serviceTokenLifetime().toSeconds());
    }
}

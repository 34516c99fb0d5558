package io.srecopilot.auth.tokens;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.security.JsonWebKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The key access tokens are signed with, and every public key verifiers should still accept. A
 * rotation publishes the new key beside the old ones, so tokens signed before it stay valid until
 * they expire. Loaded at start-up: auth does not start without its signing key.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private final RSAPrivateCrtKey privateKey;
    private final String keyId;
    private final List<JsonWebKeys.Jwk> published;

    @Inject
    public SigningKeys(AuthConfig config) {
        this(config.signing());
    }

    SigningKeys(AuthConfig.Signing signing) {
        this.privateKey = readPrivateKey(signing.privateKey());
        RSAPublicKey current = publicKeyOf(privateKey);
        this.keyId = JsonWebKeys.keyId(current);
        List<JsonWebKeys.Jwk> keys = new ArrayList<>(List.of(JsonWebKeys.jwk(current)));
        signing.previousPublicKeys().orElse(List.of()).stream()
                .map(SigningKeys::readPublicKey)
                .map(JsonWebKeys::jwk)
                .filter(jwk -> !jwk.kid().equals(keyId))
                .forEach(keys::add);
        this.published = List.copyOf(keys);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The current key first, then the previous ones. */
    public List<JsonWebKeys.Jwk> published() {
        return published;
    }

    private static RSAPrivateCrtKey readPrivateKey(String location) {
        try {
            return (RSAPrivateCrtKey) KeyUtils.decodePrivateKey(pem(location));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the token signing key at " + location, e);
        }
    }

    private static RSAPublicKey readPublicKey(String location) {
        try {
            return (RSAPublicKey) KeyUtils.decodePublicKey(pem(location));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the previous public key at " + location, e);
        }
    }

    /** A PEM from a file path (how Secrets are mounted) or else from the classpath or a URL. */
    private static String pem(String location) throws IOException {
        Path file = Path.of(location);
        return Files.isRegularFile(file) ? Files.readString(file) : KeyUtils.readKeyContent(location);
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.srecopilot.auth.tokens;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Verifies the PBKDF2-HMAC-SHA256 hashes of the first releases ({@code pbkdf2-sha256$rounds$salt$hash})
 * so those accounts can still sign in; they are re-hashed with Argon2id when they do.
 */
final class LegacyPbkdf2 {

    private static final String SCHEME = "pbkdf2-sha256";

    private LegacyPbkdf2() {
    }

    /** Empty when {@code stored} is not a PBKDF2 hash. */
    static Optional<Boolean> verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(parts[2]),
                Integer.parseInt(parts[1]), expected.length * 8);
        try {
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return Optional.of(MessageDigest.isEqual(expected, actual));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is always available", e);
        } finally {
            spec.clearPassword();
        }
    }
}

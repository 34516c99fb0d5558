package io.srecopilot.auth.tokens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.srecopilot.auth.config.AuthConfig;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(config(1024, 1));

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), hash);
        assertNotEquals(hash, hasher.hash("correct horse battery staple"));
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapler", hash));
    }

    @Test
    void anUnknownAccountNeverVerifies() {
        assertFalse(hasher.verify("decoy password that matches nothing", null));
    }

    @Test
    void earlierHashesStillVerifyAndAskToBeRehashed() {
        // A PBKDF2-HMAC-SHA256 hash of "correct horse battery" (1000 rounds), as the first release stored them.
        String legacy = "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$"
                + Base64.getEncoder().withoutPadding().encodeToString(pbkdf2("correct horse battery"));
        assertTrue(hasher.verify("correct horse battery", legacy));
        assertFalse(hasher.verify("wrong horse battery", legacy));
        assertTrue(hasher.needsRehash(legacy));
        assertTrue(hasher.needsRehash(new PasswordHasher(config(2048, 1)).hash("x")));
        assertFalse(hasher.needsRehash(hasher.hash("x")));
    }

    private static byte[] pbkdf2(String password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(),
                    Base64.getDecoder().decode("c2FsdHNhbHRzYWx0c2FsdA"), 1000, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthConfig.Password config(int memoryKib, int iterations) {
        return new AuthConfig.Password() {
            public int memoryKib() {
                return memoryKib;
            }

            public int iterations() {
                return iterations;
            }

            public int parallelism() {
                return 1;
            }
        };
    }
}

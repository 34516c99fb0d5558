package io.srecopilot.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = newKey();
    private static final String NEXT_KEY = newKey();

    @Test
    void sealsAndOpensForTheSameOwnerOnly() {
        SecretBox box = new SecretBox(KEY, List.of());
        String sealed = box.encrypt("s3cret-token", "integration:1");
        assertFalse(sealed.contains("s3cret"));
        assertNotEquals(sealed, box.encrypt("s3cret-token", "integration:1"), "a fresh nonce every time");
        assertEquals("s3cret-token", box.decrypt(sealed, "integration:1"));
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(sealed, "integration:2"));
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(altered, "integration:1"));
    }

    @Test
    void aRotatedKeyStillOpensWhatItSealedAndNewSecretsUseTheNewKey() {
        String sealedBefore = new SecretBox(KEY, List.of()).encrypt("old", "o");
        SecretBox rotated = new SecretBox(NEXT_KEY, List.of(KEY));
        assertEquals("old", rotated.decrypt(sealedBefore, "o"));
        assertThrows(IllegalArgumentException.class,
                () -> new SecretBox(KEY, List.of()).decrypt(rotated.encrypt("new", "o"), "o"));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("c2hvcnQ=", List.of()));
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

package io.srecopilot.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

    @Test
    void eachSecretHasItsOwnDataKeySealedByTheDeploymentKey() {
        SecretBox box = new SecretBox(KEY, List.of());
        String[] parts = box.encrypt("token", "o").split(":");
        assertEquals(4, parts.length);
        assertEquals("v2", parts[0]);
        assertEquals(box.currentKeyId(), parts[1]);
        String[] other = box.encrypt("token", "o").split(":");
        assertNotEquals(parts[2], other[2], "a data key per secret");
        // A data key moved onto another secret of the same owner opens nothing.
        String swapped = String.join(":", parts[0], parts[1], other[2], parts[3]);
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(swapped, "o"));
    }

    @Test
    void resealingMovesASecretToTheCurrentKeyWithoutTouchingItsCiphertext() {
        String sealed = new SecretBox(KEY, List.of()).encrypt("token", "o");
        SecretBox rotated = new SecretBox(NEXT_KEY, List.of(KEY));
        assertFalse(rotated.isCurrent(sealed));

        String resealed = rotated.reseal(sealed, "o");
        assertTrue(rotated.isCurrent(resealed));
        assertEquals(sealed.split(":")[3], resealed.split(":")[3], "only the data key was sealed anew");
        assertEquals("token", new SecretBox(NEXT_KEY, List.of()).decrypt(resealed, "o"), "the old key is no longer needed");
        assertThrows(IllegalArgumentException.class, () -> rotated.reseal(sealed, "someone-else"));
    }

    @Test
    void aSecretOfTheFirstFormatStillOpensAndResealsIntoEnvelopes() throws Exception {
        String firstFormat = firstFormat(KEY, "legacy-token", "o");
        SecretBox box = new SecretBox(KEY, List.of());
        assertEquals("legacy-token", box.decrypt(firstFormat, "o"));
        assertFalse(box.isCurrent(firstFormat), "same key, older format");
        String resealed = box.reseal(firstFormat, "o");
        assertTrue(box.isCurrent(resealed));
        assertEquals("legacy-token", box.decrypt(resealed, "o"));
        assertThrows(IllegalArgumentException.class, () -> box.decrypt("v9:abc:def", "o"));
        assertThrows(IllegalArgumentException.class, () -> box.decrypt("v2:" + box.currentKeyId() + ":!!:!!", "o"));
    }

    /** v1, written as the first version wrote it: the deployment key directly, nonce ‖ ciphertext ‖ tag. */
    private static String firstFormat(String key, String plaintext, String owner) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 4);
        return "v1:" + id + ":" + Base64.getEncoder().encodeToString(out);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

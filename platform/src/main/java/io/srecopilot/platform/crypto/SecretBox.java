package io.srecopilot.platform.crypto;

import io.srecopilot.platform.security.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM: {@code v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}.
 * The associated data binds a ciphertext to its owner (say {@code integration:<id>}), so it cannot
 * be copied onto another row. New secrets use the current key; older keys still decrypt, which is
 * how keys are rotated (re-saving a secret re-encrypts it with the current key).
 */
public final class SecretBox {

    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** {@code current} and {@code previous}: base64 encodings of 32-byte keys. */
    public SecretBox(String current, List<String> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    public String encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return FORMAT + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalArgumentException when the text was not sealed by a known key for this owner */
    public String decrypt(String sealed, String associatedData) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(FORMAT) || !keys.containsKey(parts[1])) {
            throw new IllegalArgumentException("Sealed with an unknown format or key");
        }
        byte[] bytes = Base64.getDecoder().decode(parts[2]);
        byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keys.get(parts[1]), nonce, associatedData);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The secret does not open with its key (altered, or not this owner's)", e);
        }
    }

    private String add(String encodedKey) {
        byte[] key = Base64.getDecoder().decode(encodedKey.trim());
        if (key.length != 32) {
            throw new IllegalArgumentException("An encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        String id = HexFormat.of().formatHex(Hashes.sha256(encodedKey.trim()), 0, 4);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

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
 * Seals secrets at rest by envelope encryption with AES-256-GCM: each secret has a data key of its
 * own, and the data key is sealed with the deployment's key (the key-encryption key, from
 * {@code SRE_ENCRYPTION_KEY}): {@code v2:<key id>:<sealed data key>:<sealed secret>}, each part
 * base64 of nonce ‖ ciphertext ‖ tag. The associated data binds both to the secret's owner (say
 * {@code integration:<id>}), so a sealed value cannot be copied onto another row.
 *
 * <p>Rotation: the new key becomes current and the old one a previous key; both open what they
 * sealed, {@link #reseal} moves a secret to the current key by sealing its data key anew (the
 * secret's own ciphertext stays), and once {@link SecretRotation} reports nothing left under the old
 * key it can go. Secrets sealed by the first format ({@code v1:<key id>:<sealed secret>}, the
 * deployment key directly) still open, and reseal into {@code v2}.
 */
public final class SecretBox {

    private static final String ENVELOPE = "v2";
    private static final String DIRECT = "v1";
    private static final String DATA_KEY_PURPOSE = "data-key:";
    private static final int NONCE_BYTES = 12;
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** {@code current} and {@code previous}: base64 encodings of 32-byte keys. */
    public SecretBox(String current, List<String> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    /** The id of the key new secrets are sealed with (the first 8 hex digits of its SHA-256). */
    public String currentKeyId() {
        return currentId;
    }

    /** What every secret sealed with the current key starts with. */
    public String currentPrefix() {
        return ENVELOPE + ":" + currentId + ":";
    }

    public String encrypt(String plaintext, String owner) {
        byte[] dataKey = new byte[KEY_BYTES];
        RANDOM.nextBytes(dataKey);
        String sealedSecret = seal(new SecretKeySpec(dataKey, "AES"), plaintext.getBytes(StandardCharsets.UTF_8), owner);
        return envelope(dataKey, owner, sealedSecret);
    }

    /** @throws IllegalArgumentException when the text was not sealed by a known key for this owner */
    public String decrypt(String sealed, String owner) {
        String[] parts = sealed.split(":");
        if (parts.length == 4 && parts[0].equals(ENVELOPE)) {
            byte[] dataKey = open(key(parts[1]), parts[2], DATA_KEY_PURPOSE + owner);
            return new String(open(new SecretKeySpec(dataKey, "AES"), parts[3], owner), StandardCharsets.UTF_8);
        }
        if (parts.length == 3 && parts[0].equals(DIRECT)) {
            return new String(open(key(parts[1]), parts[2], owner), StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("Sealed with an unknown format");
    }

    /** Whether the value is sealed with the current key in the current format. */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(currentPrefix()) && sealed.split(":").length == 4;
    }

    /**
     * The same secret sealed with the current key: its data key sealed anew (first-format secrets
     * are sealed anew altogether).
     * @throws IllegalArgumentException as {@link #decrypt} does
     */
    public String reseal(String sealed, String owner) {
        String[] parts = sealed.split(":");
        if (parts.length == 4 && parts[0].equals(ENVELOPE)) {
            byte[] dataKey = open(key(parts[1]), parts[2], DATA_KEY_PURPOSE + owner);
            // Opening the secret too proves the pair belongs together before it is sealed again.
            open(new SecretKeySpec(dataKey, "AES"), parts[3], owner);
            return envelope(dataKey, owner, parts[3]);
        }
        return encrypt(decrypt(sealed, owner), owner);
    }

    private String envelope(byte[] dataKey, String owner, String sealedSecret) {
        return ENVELOPE + ":" + currentId + ":" + seal(keys.get(currentId), dataKey, DATA_KEY_PURPOSE + owner) + ":"
                + sealedSecret;
    }

    private SecretKeySpec key(String id) {
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("Sealed with key " + id + ", which this deployment does not have");
        }
        return key;
    }

    private static String seal(SecretKeySpec key, byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] open(SecretKeySpec key, String encoded, String associatedData) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealed value is not base64", e);
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Sealed value is too short");
        }
        byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData).doFinal(bytes, NONCE_BYTES,
                    bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The secret does not open with its key (altered, or not this owner's)", e);
        }
    }

    private String add(String encodedKey) {
        byte[] key = Base64.getDecoder().decode(encodedKey.trim());
        if (key.length != KEY_BYTES) {
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

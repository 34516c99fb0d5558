package io.srecopilot.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code sre_<8-char prefix>_<43-char secret>}: the prefix finds the key,
 * the SHA-256 of the whole key proves it. A fast hash is enough because the secret has 256 random
 * bits; only auth ever sees a key in clear, once, when it is created.
 */
public final class ApiKeyFormat {

    public static final String MARKER = "sre_";
    private static final Pattern SHAPE = Pattern.compile("^sre_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$");
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A new key and what may be stored about it. */
    public record NewKey(String key, String prefix, String hash) {
    }

    public static NewKey generate() {
        StringBuilder prefix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = MARKER + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(key, prefix.toString(), hash(key));
    }

    /** The prefix of a well-formed key; empty for anything else (a JWT, garbage). */
    public static Optional<String> prefixOf(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(candidate);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static boolean looksLikeKey(String candidate) {
        return candidate != null && candidate.startsWith(MARKER);
    }

    public static String hash(String key) {
        return Hashes.sha256Hex(key);
    }

    /** Compares in constant time, so response timing says nothing about how much of a hash matched. */
    public static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

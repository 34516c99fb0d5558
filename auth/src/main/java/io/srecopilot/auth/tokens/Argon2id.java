package io.srecopilot.auth.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so
 * every hash carries the cost it was made with.
 */
final class Argon2id {

    private static final Pattern PHC = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([^$]+)\\$([^$]+)$");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** Memory in KiB, passes, lanes. */
    record Cost(int memoryKib, int iterations, int parallelism) {
    }

    private Argon2id() {
    }

    static String hash(String password, Cost cost) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Empty when {@code stored} is not an Argon2id hash. */
    static Optional<Boolean> verify(String password, String stored) {
        Matcher parts = PHC.matcher(stored);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Cost cost = new Cost(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                Integer.parseInt(parts.group(3)));
        byte[] expected = DECODER.decode(parts.group(5));
        byte[] actual = derive(password, DECODER.decode(parts.group(4)), cost, expected.length);
        return Optional.of(MessageDigest.isEqual(expected, actual));
    }

    static boolean hasCost(String stored, Cost cost) {
        Matcher parts = PHC.matcher(stored);
        return parts.matches() && Integer.parseInt(parts.group(1)) == cost.memoryKib()
                && Integer.parseInt(parts.group(2)) == cost.iterations()
                && Integer.parseInt(parts.group(3)) == cost.parallelism();
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }
}

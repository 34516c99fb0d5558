package io.srecopilot.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens an attacker could make from a real one: its claims edited under the old signature,
 * re-signed with a key of their own, with no signature at all, or HMAC-signed with the public key
 * (algorithm confusion); and, with the stack's own signing key, tokens whose claims say they must
 * not be accepted (expired, another issuer or audience).
 */
final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ObjectNode header;
    private final ObjectNode claims;
    private final String signature;
    private final Path keys;

    ForgedTokens(String realToken, Path keys) {
        String[] parts = realToken.split("\\.");
        this.header = (ObjectNode) read(parts[0]);
        this.claims = (ObjectNode) read(parts[1]);
        this.signature = parts[2];
        this.keys = keys;
    }

    /** The claims edited, the real token's signature kept. */
    String edited(Consumer<ObjectNode> edit) {
        return unsigned(header, edited(claims, edit)) + "." + signature;
    }

    /** The claims as they are, with {@code "alg": "none"} and no signature. */
    String withoutSignature() {
        ObjectNode none = header.deepCopy().put("alg", "none");
        return unsigned(none, claims) + ".";
    }

    /** The claims as they are, signed RS256 by a freshly made key under the real key's id. */
    String signedByStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return rs256(header, claims, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims HMAC-signed (HS256) with the stack's public key file as the secret. */
    String hmacWithThePublicKey() {
        try {
            ObjectNode hs256 = header.deepCopy().put("alg", "HS256");
            String content = unsigned(hs256, claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Files.readAllBytes(keys.resolve("public.pem")), "HmacSHA256"));
            return content + "." + ENCODER.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims edited and signed with the stack's own key: only the claims can make it unacceptable. */
    String signedByTheStack(Consumer<ObjectNode> edit) {
        return rs256(header, edited(claims, edit), stackKey());
    }

    private PrivateKey stackKey() {
        try {
            String pem = Files.readString(keys.resolve("private.pem"));
            String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stack's signing key is not a PKCS#8 RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rs256(ObjectNode header, ObjectNode claims, PrivateKey key) {
        try {
            String content = unsigned(header.deepCopy().put("alg", "RS256"), claims);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode edited(ObjectNode claims, Consumer<ObjectNode> edit) {
        ObjectNode copy = claims.deepCopy();
        edit.accept(copy);
        return copy;
    }

    private static String unsigned(ObjectNode header, ObjectNode claims) {
        return ENCODER.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object read(String part) {
        try {
            return JSON.readTree(DECODER.decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

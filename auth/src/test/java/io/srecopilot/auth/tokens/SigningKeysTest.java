package io.srecopilot.auth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.security.JsonWebKeys;
import io.srecopilot.platform.testing.TestTokens;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @Test
    void readsAMountedKeyFileAndPublishesItFirstThenThePreviousKeys(@TempDir Path secrets) throws Exception {
        Path privateKey = secrets.resolve("private.pem");
        try (InputStream pem = getClass().getClassLoader().getResourceAsStream("signing/next-private.pem")) {
            Files.write(privateKey, pem.readAllBytes());
        }
        SigningKeys keys = new SigningKeys(signing(privateKey.toString(), List.of(TestTokens.PUBLIC_KEY_LOCATION)));

        List<String> kids = keys.published().stream().map(JsonWebKeys.Jwk::kid).toList();
        assertEquals(List.of(keys.keyId(), TestTokens.KEY_ID), kids);
    }

    @Test
    void refusesToStartWithoutItsKey() {
        assertThrows(IllegalStateException.class, () -> new SigningKeys(signing("/nowhere/private.pem", List.of())));
    }

    private static AuthConfig.Signing signing(String privateKey, List<String> previous) {
        return new AuthConfig.Signing() {
            public String privateKey() {
                return privateKey;
            }

            public Optional<List<String>> previousPublicKeys() {
                return Optional.of(previous);
            }
        };
    }
}

package io.srecopilot.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void aGeneratedKeyIsFoundByItsPrefixAndProvenByItsHash() {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate();
        assertEquals(Optional.of(key.prefix()), ApiKeyFormat.prefixOf(key.key()));
        assertTrue(ApiKeyFormat.matches(key.key(), key.hash()));
        assertFalse(ApiKeyFormat.matches(key.key() + "x", key.hash()));
        assertNotEquals(key.key(), ApiKeyFormat.generate().key());
    }

    @Test
    void anythingElseIsNotAKey() {
        assertEquals(Optional.empty(), ApiKeyFormat.prefixOf("eyJhbGciOiJSUzI1NiJ9.e30.sig"));
        assertEquals(Optional.empty(), ApiKeyFormat.prefixOf("sre_short_secret"));
        assertEquals(Optional.empty(), ApiKeyFormat.prefixOf(null));
    }
}

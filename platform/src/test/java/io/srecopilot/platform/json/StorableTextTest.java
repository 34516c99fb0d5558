package io.srecopilot.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void nulAndLoneSurrogatesBecomeTheReplacementCharacterAndTheRestIsKept() {
        assertEquals("a\uFFFDb", StorableText.of("a\u0000b"));
        assertEquals("x\uFFFDy\uFFFD", StorableText.of("x\uD800y\uDC00"));
        assertEquals("🔥\uFFFD", StorableText.of("🔥\uDBFF"));
    }

    @Test
    void validTextIsReturnedAsItIs() {
        String odd = "Latency\u202Etxt 🔥 ज़ \u200D\uFEFF é";
        assertSame(odd, StorableText.of(odd));
        assertEquals(null, StorableText.of(null));
    }

    record Alert(String alertname, Map<String, String> labels, List<String> receivers) {
    }

    @Test
    void everyStringReadFromJsonIsStorableValuesAndKeysAlike() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StorableTextModule().customize(mapper);
        Alert alert = mapper.readValue("""
                {"alertname":"Nul\\u0000Name","labels":{"k\\u0000":"v\\ud800"},"receivers":["r\\u0000"]}""", Alert.class);
        assertEquals(new Alert("Nul\uFFFDName", Map.of("k\uFFFD", "v\uFFFD"), List.of("r\uFFFD")), alert);
    }

    @Test
    void treesReadFromJsonAreStorableTooTextsAndFieldNames() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StorableTextModule().customize(mapper);
        JsonNode patch = mapper.readValue("""
                {"description":"a\\u0000b","labels":{"k\\ud800":["x\\u0000"]},"n":1,"ok":"caf\\u00e9 \\ud83d\\ude00"}""",
                JsonNode.class);
        assertEquals("a\uFFFDb", patch.get("description").textValue());
        assertEquals("x\uFFFD", patch.get("labels").get("k\uFFFD").get(0).textValue());
        assertEquals(1, patch.get("n").intValue());
        assertEquals("caf\u00e9 \uD83D\uDE00", patch.get("ok").textValue());
        assertEquals("\uFFFD", mapper.readTree("{\"t\":\"\\u0000\"}").get("t").textValue(), "readTree as well");
    }
}

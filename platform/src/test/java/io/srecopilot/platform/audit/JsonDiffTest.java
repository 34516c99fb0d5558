package io.srecopilot.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void nestedFieldsAreWalkedAndListsComparedWhole() throws Exception {
        List<JsonDiff.FieldChange> changes = JsonDiff.between(
                json("{\"state\":\"DETECTED\",\"labels\":{\"team\":\"core\",\"a/b\":1},\"tags\":[\"x\"],\"title\":\"t\"}"),
                json("{\"state\":\"ACKNOWLEDGED\",\"labels\":{\"team\":\"core\",\"a/b\":2},\"tags\":[\"x\",\"y\"],\"title\":\"t\"}"));

        assertEquals(List.of("/state", "/labels/a~1b", "/tags"), changes.stream().map(JsonDiff.FieldChange::path).toList());
        assertEquals("DETECTED", changes.get(0).before().asText());
        assertEquals(2, changes.get(1).after().asInt());
    }

    @Test
    void addedRemovedAndNulledFieldsHaveOneSideNull() throws Exception {
        List<JsonDiff.FieldChange> changes = JsonDiff.between(json("{\"owner\":\"ana\",\"note\":null}"),
                json("{\"owner\":null,\"severity\":\"P1\"}"));

        assertEquals(2, changes.size(), "a null that stays null is no change: " + changes);
        assertEquals("/owner", changes.get(0).path());
        assertNull(changes.get(0).after());
        assertEquals("/severity", changes.get(1).path());
        assertNull(changes.get(1).before());
    }

    @Test
    void createAndDeleteListEveryFieldAndEqualStatesNothing() throws Exception {
        JsonNode state = json("{\"name\":\"db\",\"spec\":{\"size\":3}}");

        assertEquals(List.of("/name", "/spec/size"),
                JsonDiff.between(null, state).stream().map(JsonDiff.FieldChange::path).toList());
        assertTrue(JsonDiff.between(state, null).stream().allMatch(change -> change.after() == null));
        assertTrue(JsonDiff.between(state, state.deepCopy()).isEmpty());
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }
}

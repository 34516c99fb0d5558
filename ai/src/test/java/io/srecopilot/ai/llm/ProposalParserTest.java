package io.srecopilot.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalParserTest {

    @Test
    void readsTheObjectEvenInACodeFenceAndIgnoresFieldsItDoesNotKnow() {
        String answer = """
                ```json
                {"hypotheses":[{"claim":"DB pool exhausted","suspectService":"payments","category":"saturation",
                "evidenceIds":["a1"],"confidence":0.99}],"reasoning":"…"}
                ```""";

        ProposedHypotheses parsed = ProposalParser.parse(answer).orElseThrow();

        assertEquals("DB pool exhausted", parsed.hypotheses().get(0).claim());
        assertEquals(List.of("a1"), parsed.hypotheses().get(0).evidenceIds());
    }

    @Test
    void proseTruncatedJsonAndNothingAreMalformed() {
        assertTrue(ProposalParser.parse("It could be the database.").isEmpty());
        assertTrue(ProposalParser.parse("{\"hypotheses\":[{\"claim\":\"The conn").isEmpty());
        assertTrue(ProposalParser.parse(null).isEmpty());
        assertTrue(ProposalParser.parse("{\"hypotheses\": 3}").isEmpty());
    }

    @Test
    void anEmptyObjectMeansNoProposals() {
        assertEquals(List.of(), ProposalParser.parse("{}").orElseThrow().hypotheses());
    }
}

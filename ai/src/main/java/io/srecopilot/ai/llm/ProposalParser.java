package io.srecopilot.ai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads the LLM's answer: one JSON object, possibly wrapped in a Markdown code fence. Unknown
 * fields are ignored (models add them); anything that is not such an object is malformed.
 */
final class ProposalParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProposalParser() {
    }

    static Optional<ProposedHypotheses> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(answer.substring(start, end + 1), ProposedHypotheses.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

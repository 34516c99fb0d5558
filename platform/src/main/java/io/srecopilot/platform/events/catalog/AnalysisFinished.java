package io.srecopilot.platform.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * {@code analysis.completed} and {@code analysis.failed}, from ai to incidents (its timeline) and the
 * live view: the part of ai's analysis view that consumers may read. {@code hypotheses} are ranked,
 * best first; an inconclusive analysis may have none.
 */
@RegisterForReflection
public record AnalysisFinished(UUID id, UUID incidentId, String status, boolean inconclusive, JsonNode missingData,
        List<Hypothesis> hypotheses) {

    public AnalysisFinished {
        hypotheses = hypotheses == null ? List.of() : hypotheses;
    }

    /** The first-ranked hypothesis, or null when there is none. */
    public Hypothesis top() {
        return hypotheses.isEmpty() ? null : hypotheses.get(0);
    }

    @RegisterForReflection
    public record Hypothesis(UUID id, int rank, String claim, String suspectService, BigDecimal confidence) {
    }
}

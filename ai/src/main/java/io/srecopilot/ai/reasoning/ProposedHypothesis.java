package io.srecopilot.ai.reasoning;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A hypothesis someone other than the deterministic reasoner proposed (the LLM): words, a suspect
 * service, a category and the ids of the evidence it rests on. It carries no confidence: the
 * reasoner scores it like its own, and drops it when it cites evidence the analysis does not have.
 */
@RegisterForReflection
public record ProposedHypothesis(String claim, String description, String suspectService, String category,
        List<String> evidenceIds) {

    public ProposedHypothesis {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}

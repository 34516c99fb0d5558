package io.srecopilot.ai.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.ai.reasoning.ProposedHypothesis;
import java.util.List;

/** The LLM's answer as JSON: {@code {"hypotheses": [...]}}. */
@RegisterForReflection
public record ProposedHypotheses(List<ProposedHypothesis> hypotheses) {

    public ProposedHypotheses {
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }
}

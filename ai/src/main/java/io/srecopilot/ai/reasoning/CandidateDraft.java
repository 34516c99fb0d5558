package io.srecopilot.ai.reasoning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A candidate cause before it is scored: the service and kind of failure, the alerts that speak
 * for it, other evidence a proposal cited, and its words ({@code claim} and {@code description}
 * null when the reasoner writes them from the alerts). {@code proposedBy} is "deterministic" or
 * "llm".
 */
record CandidateDraft(String service, Category category, List<SignalFact> supporting, List<Reasoning.Evidence> cited,
        String claim, String description, String proposedBy) {

    static final String DETERMINISTIC = "deterministic";
    static final String LLM = "llm";

    static CandidateDraft fromAlerts(String service, Category category, List<SignalFact> supporting) {
        return new CandidateDraft(service, category, supporting, List.of(), null, null, DETERMINISTIC);
    }

    /** The same cause with more evidence cited. */
    CandidateDraft withEvidence(List<Reasoning.Evidence> more) {
        List<Reasoning.Evidence> evidence = new ArrayList<>(cited);
        more.stream().filter(item -> !evidence.contains(item)).forEach(evidence::add);
        return new CandidateDraft(service, category, supporting, evidence, claim, description, proposedBy);
    }

    /** The same cause, now in the proposal's words and with the evidence both found. */
    CandidateDraft adopt(CandidateDraft proposal) {
        List<SignalFact> alerts = new ArrayList<>(new LinkedHashSet<>(supporting));
        proposal.supporting.stream().filter(signal -> !alerts.contains(signal)).forEach(alerts::add);
        List<Reasoning.Evidence> evidence = new ArrayList<>(cited);
        proposal.cited.stream().filter(item -> !evidence.contains(item)).forEach(evidence::add);
        return new CandidateDraft(service, category, alerts, evidence, proposal.claim, proposal.description, LLM);
    }
}

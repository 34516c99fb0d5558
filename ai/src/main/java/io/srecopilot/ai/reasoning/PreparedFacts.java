package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.ranking.SeriesSummary;
import java.util.List;

/**
 * An incident's facts made ready once per analysis: its alerts (each with a service), what the
 * metrics and changes say (the series judged in one pass), and the evidence pool proposals may
 * cite. The snapshot, the LLM's prompt and the reasoning all read this one preparation.
 */
public final class PreparedFacts {

    private final IncidentFacts facts;
    private final List<SignalFact> signals;
    private final OperationalEvidence operations;
    private final EvidencePool pool;

    PreparedFacts(IncidentFacts facts, List<SignalFact> signals, OperationalEvidence operations, EvidencePool pool) {
        this.facts = facts;
        this.signals = signals;
        this.operations = operations;
        this.pool = pool;
    }

    public IncidentFacts facts() {
        return facts;
    }

    public EvidencePool pool() {
        return pool;
    }

    public List<SeriesSummary> seriesSummaries() {
        return operations.seriesSummaries();
    }

    List<SignalFact> signals() {
        return signals;
    }

    OperationalEvidence operations() {
        return operations;
    }
}

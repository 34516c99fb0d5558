package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every piece of evidence an analysis has, by id: the incident's alerts, the departed metrics and
 * recent changes of the services in scope, and learned incidents like this one. Proposals may cite
 * only these ids; the LLM is shown them in this order (alerts first, precedents last).
 */
public final class EvidencePool {

    private final Map<String, Reasoning.Evidence> byId = new LinkedHashMap<>();

    private EvidencePool() {
    }

    static EvidencePool of(List<SignalFact> signals, OperationalEvidence operations, List<PrecedentMatch> precedents) {
        EvidencePool pool = new EvidencePool();
        signals.forEach(signal -> pool.add(Reasoning.Evidence.of(signal)));
        Set<String> services = new LinkedHashSet<>(operations.rankedServices().stream()
                .map(Reasoning.RankedService::service).toList());
        signals.stream().map(SignalFact::service).filter(service -> service != null).forEach(services::add);
        services.forEach(service -> operations.evidenceFor(service).forEach(pool::add));
        precedents.forEach(match -> pool.add(Reasoning.Evidence.precedent(match)));
        return pool;
    }

    private void add(Reasoning.Evidence evidence) {
        byId.putIfAbsent(evidence.id(), evidence);
    }

    public Collection<Reasoning.Evidence> items() {
        return byId.values();
    }

    public Optional<Reasoning.Evidence> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}

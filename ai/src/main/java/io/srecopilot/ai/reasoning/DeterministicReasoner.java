package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import io.srecopilot.ai.precedent.PrecedentMatcher;
import io.srecopilot.ai.ranking.ServiceSuspicion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Ranks root-cause hypotheses from an incident's alerts without any model: one candidate per
 * (service, kind of failure) the alerts point at, scored by {@link ConfidenceModel}. It is the
 * default, and the fallback whenever the LLM is not configured or fails.
 */
@ApplicationScoped
public class DeterministicReasoner {

    public static final String NAME = "deterministic";
    /** The name of analyses where at least one ranked hypothesis was the LLM's proposal. */
    public static final String NAME_WITH_LLM = "llm+deterministic";
    /** Below this confidence the best hypothesis is not worth acting on. */
    static final double CONCLUSIVE = 0.6;
    /** Below this evidence quality the best hypothesis is a lead, not a conclusion. */
    static final double COVERED = 0.35;
    private static final int MAX_HYPOTHESES = 5;

    public Reasoning reason(IncidentFacts facts) {
        return reason(facts, List.of());
    }

    /**
     * Ranks the alerts' candidates together with {@code proposed} ones (the LLM's), all scored
     * alike; proposals citing evidence the analysis does not have are dropped and listed.
     */
    public Reasoning reason(IncidentFacts facts, List<ProposedHypothesis> proposed) {
        return reason(prepare(facts), proposed);
    }

    /** Ranks over facts prepared once ({@link #prepare}), with the proposals made from them. */
    public Reasoning reason(PreparedFacts prepared, List<ProposedHypothesis> proposed) {
        IncidentFacts facts = prepared.facts();
        List<SignalFact> signals = prepared.signals();
        OperationalEvidence operations = prepared.operations();
        Candidates candidates = new Candidates(signals);
        candidates.suspectChanges(operations);
        candidates.suspectDepartedServices(operations);
        proposed.forEach(proposal -> candidates.adopt(proposal, prepared.pool()));
        List<Reasoning.RankedHypothesis> ranked = rank(score(candidates, signals, facts, operations));
        boolean llmUsed = ranked.stream().anyMatch(hypothesis -> CandidateDraft.LLM.equals(hypothesis.proposedBy()));
        return new Reasoning(llmUsed ? NAME_WITH_LLM : NAME, ranked,
                operations.hasMetrics() ? operations.rankedServices() : rankedServices(ranked), inconclusiveBecause(ranked),
                missingData(signals, operations), candidates.dropped());
    }

    /** The facts made ready once: alerts with services, metrics and changes judged, the evidence pool. */
    public PreparedFacts prepare(IncidentFacts facts) {
        List<SignalFact> signals = signalsOf(facts);
        OperationalEvidence operations = OperationalEvidence.of(facts.operations(), facts.startedAt());
        return new PreparedFacts(facts, signals, operations, pool(facts, signals, operations));
    }

    /** Every piece of evidence the analysis of these facts has, for proposals to cite by id. */
    public EvidencePool evidence(IncidentFacts facts) {
        return prepare(facts).pool();
    }

    private static EvidencePool pool(IncidentFacts facts, List<SignalFact> signals, OperationalEvidence operations) {
        return EvidencePool.of(signals, operations,
                precedentsOf(signals, Category.UNKNOWN, Objects.requireNonNullElse(facts.service(), ""), facts.service(), facts));
    }

    private static List<SignalFact> signalsOf(IncidentFacts facts) {
        return facts.signals().stream()
                .map(signal -> signal.service() != null ? signal : withService(signal, facts.service()))
                .toList();
    }

    /**
     * The rules that make an analysis inconclusive rather than a guess: no hypothesis, the best one
     * below {@link #CONCLUSIVE}, or the best one resting on too little evidence (below
     * {@link #COVERED} of the evidence-quality checks), however confident its other factors are.
     */
    private static String inconclusiveBecause(List<Reasoning.RankedHypothesis> ranked) {
        if (ranked.isEmpty()) {
            return "there is nothing to form a hypothesis from";
        }
        Reasoning.RankedHypothesis top = ranked.get(0);
        if (top.confidence() < CONCLUSIVE) {
            return String.format(Locale.ROOT, "the best hypothesis is at %.3f, below %.2f", top.confidence(), CONCLUSIVE);
        }
        double coverage = top.confidenceBreakdown().stream().filter(factor -> factor.name().equals("evidence_quality"))
                .mapToDouble(Factor::score).findFirst().orElse(0);
        if (coverage < COVERED) {
            return String.format(Locale.ROOT, "the best hypothesis rests on too little evidence (%.2f, below %.2f)",
                    coverage, COVERED);
        }
        return null;
    }

    private static List<Unranked> score(Candidates candidates, List<SignalFact> signals, IncidentFacts facts,
            OperationalEvidence operations) {
        Instant firstOnset = signals.stream().map(SignalFact::startsAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return candidates.drafts().stream().map(draft -> {
            String suspect = Candidates.UNKNOWN_SERVICE.equals(draft.service()) ? null : draft.service();
            List<PrecedentMatch> precedents = precedentsOf(draft.supporting(), draft.category(), draft.service(),
                    suspect, facts);
            ServiceSuspicion suspicion = operations.suspicionOf(suspect);
            CandidateEvidence evidence = new CandidateEvidence(draft.supporting(), signals, draft.category(), firstOnset,
                    suspicion, suspicion == null ? null : operations.shareOf(suspect), precedents,
                    facts.memory().verdictsOn(suspect, draft.category()));
            List<Factor> factors = ConfidenceModel.factors(evidence, facts.memory().weights());
            Map<String, Reasoning.Evidence> cited = new LinkedHashMap<>();
            Stream.of(draft.supporting().stream().map(Reasoning.Evidence::of), draft.cited().stream(),
                    operations.evidenceFor(suspect).stream(), precedents.stream().map(Reasoning.Evidence::precedent))
                    .flatMap(items -> items).forEach(item -> cited.putIfAbsent(item.id(), item));
            double raw = ConfidenceModel.confidence(factors);
            return new Unranked(draft, suspect, factors, facts.memory().calibration().probability(raw), raw,
                    List.copyOf(cited.values()));
        }).toList();
    }

    private static List<Reasoning.RankedHypothesis> rank(List<Unranked> candidates) {
        List<Unranked> ordered = candidates.stream()
                .sorted(Comparator.comparingDouble(Unranked::confidence).reversed()
                        .thenComparing(candidate -> candidate.draft().service())
                        .thenComparing(candidate -> candidate.draft().category()))
                .limit(MAX_HYPOTHESES)
                .toList();
        List<Reasoning.RankedHypothesis> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Unranked candidate = ordered.get(i);
            CandidateDraft draft = candidate.draft();
            ranked.add(new Reasoning.RankedHypothesis(i + 1,
                    draft.claim() != null ? draft.claim() : draft.category().claim(draft.service()),
                    draft.description() != null ? draft.description() : describe(draft), candidate.suspect(),
                    draft.category(), candidate.confidence(), candidate.raw(), candidate.factors(),
                    candidate.evidence(), draft.proposedBy()));
        }
        return ranked;
    }

    /** Learned incidents like this one on the suspect service: same service, labels, words. */
    private static List<PrecedentMatch> precedentsOf(List<SignalFact> supporting, Category category, String service,
            String suspect, IncidentFacts facts) {
        if (facts.memory().precedents().isEmpty()) {
            return List.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        supporting.forEach(signal -> signal.labels().forEach(labels::putIfAbsent));
        List<String> words = PrecedentMatcher.words(Stream.concat(Stream.of(facts.title(), category.claim(service)),
                supporting.stream().flatMap(signal -> Stream.of(signal.alertname(), signal.summary())))
                .toArray(String[]::new));
        return PrecedentMatcher.match(facts.memory().precedents(), facts.incidentId(), suspect, labels, words);
    }

    private static String describe(CandidateDraft candidate) {
        SignalFact first = candidate.supporting().stream()
                .min(Comparator.comparing(SignalFact::startsAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null);
        if (first == null) {
            return candidate.service() + " shows " + candidate.category().symptom() + " in its metrics; no alert names it.";
        }
        String alerts = candidate.supporting().stream().map(SignalFact::alertname).distinct()
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d alert(s) on %s point to %s (%s). First: \"%s\" (%s) at %s.",
                candidate.supporting().size(), candidate.service(), candidate.category().symptom(), alerts,
                first.summary(), first.severity().value(), first.startsAt());
    }

    /** Without metrics: the services the hypotheses suspect, by their best confidence; equal ones share a rank. */
    private static List<Reasoning.RankedService> rankedServices(List<Reasoning.RankedHypothesis> hypotheses) {
        Map<String, Double> best = new LinkedHashMap<>();
        hypotheses.stream().filter(hypothesis -> hypothesis.suspectService() != null)
                .forEach(hypothesis -> best.merge(hypothesis.suspectService(), hypothesis.confidence(), Math::max));
        List<Map.Entry<String, Double>> sorted = best.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<Reasoning.RankedService> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int rank = i > 0 && sorted.get(i - 1).getValue().equals(sorted.get(i).getValue()) ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new Reasoning.RankedService(rank, sorted.get(i).getKey(), sorted.get(i).getValue(),
                    "confidence of its best alert-based hypothesis"));
        }
        return ranked;
    }

    private static List<Reasoning.MissingData> missingData(List<SignalFact> signals, OperationalEvidence operations) {
        List<Reasoning.MissingData> missing = new ArrayList<>();
        if (signals.isEmpty()) {
            missing.add(new Reasoning.MissingData("alerts", "no alerts are attached to this incident"));
        }
        missing.addAll(operations.missingData());
        return missing;
    }

    private static SignalFact withService(SignalFact signal, String service) {
        return new SignalFact(signal.id(), signal.alertname(), service, signal.severity(), signal.status(),
                signal.startsAt(), signal.labels(), signal.annotations());
    }

    private record Unranked(CandidateDraft draft, String suspect, List<Factor> factors, double confidence, double raw,
            List<Reasoning.Evidence> evidence) {
    }
}

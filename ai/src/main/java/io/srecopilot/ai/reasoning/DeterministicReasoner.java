package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.precedent.PrecedentMatch;
import io.srecopilot.ai.precedent.PrecedentMatcher;
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
    /** Below this confidence the best hypothesis is not worth acting on. */
    static final double CONCLUSIVE = 0.6;
    /** Below this evidence quality the best hypothesis is a lead, not a conclusion. */
    static final double COVERED = 0.35;
    private static final int MAX_HYPOTHESES = 5;
    private static final String UNKNOWN_SERVICE = "unknown service";

    public Reasoning reason(IncidentFacts facts) {
        List<SignalFact> signals = facts.signals().stream()
                .map(signal -> signal.service() != null ? signal : withService(signal, facts.service()))
                .toList();
        OperationalEvidence operations = OperationalEvidence.of(facts.operations(), facts.startedAt());
        List<Reasoning.RankedHypothesis> ranked = rank(candidates(signals, facts, operations));
        return new Reasoning(NAME, ranked,
                operations.hasMetrics() ? operations.rankedServices() : rankedServices(ranked), inconclusiveBecause(ranked),
                missingData(signals, operations));
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

    private static List<Unranked> candidates(List<SignalFact> signals, IncidentFacts facts,
            OperationalEvidence operations) {
        if (signals.isEmpty()) {
            return List.of();
        }
        Instant firstOnset = signals.stream().map(SignalFact::startsAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Map<String, List<SignalFact>> byCandidate = new LinkedHashMap<>();
        for (SignalFact signal : signals) {
            byCandidate.computeIfAbsent(serviceOf(signal) + "\u0000" + Category.of(signal).name(), key -> new ArrayList<>())
                    .add(signal);
        }
        return byCandidate.values().stream().map(supporting -> {
            Category category = Category.of(supporting.get(0));
            String service = serviceOf(supporting.get(0));
            String suspect = UNKNOWN_SERVICE.equals(service) ? null : service;
            List<PrecedentMatch> precedents = precedentsOf(supporting, category, service, suspect, facts);
            CandidateEvidence evidence = new CandidateEvidence(supporting, signals, category, firstOnset,
                    operations.suspicionOf(suspect), precedents, facts.memory().verdictsOn(suspect, category));
            List<Factor> factors = ConfidenceModel.factors(evidence);
            List<Reasoning.Evidence> cited = new ArrayList<>(supporting.stream().map(Reasoning.Evidence::of).toList());
            cited.addAll(operations.evidenceFor(suspect));
            precedents.forEach(match -> cited.add(Reasoning.Evidence.precedent(match)));
            return new Unranked(service, suspect, category, supporting, factors, ConfidenceModel.confidence(factors),
                    cited);
        }).toList();
    }

    private static List<Reasoning.RankedHypothesis> rank(List<Unranked> candidates) {
        List<Unranked> ordered = candidates.stream()
                .sorted(Comparator.comparingDouble(Unranked::confidence).reversed()
                        .thenComparing(Unranked::service).thenComparing(Unranked::category))
                .limit(MAX_HYPOTHESES)
                .toList();
        List<Reasoning.RankedHypothesis> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Unranked candidate = ordered.get(i);
            ranked.add(new Reasoning.RankedHypothesis(i + 1, candidate.category().claim(candidate.service()),
                    describe(candidate), candidate.suspect(), candidate.category(), candidate.confidence(),
                    candidate.factors(), candidate.evidence()));
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

    private static String describe(Unranked candidate) {
        SignalFact first = candidate.supporting().stream()
                .min(Comparator.comparing(SignalFact::startsAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElseThrow();
        String alerts = candidate.supporting().stream().map(SignalFact::alertname).distinct()
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d alert(s) on %s point to %s (%s). First: \"%s\" (%s) at %s.",
                candidate.supporting().size(), candidate.service(), candidate.category().symptom(), alerts,
                first.summary(), first.severity().value(), first.startsAt());
    }

    private static List<Reasoning.RankedService> rankedServices(List<Reasoning.RankedHypothesis> hypotheses) {
        Map<String, Double> best = new LinkedHashMap<>();
        hypotheses.stream().filter(hypothesis -> hypothesis.suspectService() != null)
                .forEach(hypothesis -> best.merge(hypothesis.suspectService(), hypothesis.confidence(), Math::max));
        return best.entrySet().stream()
                .map(entry -> new Reasoning.RankedService(entry.getKey(), entry.getValue(),
                        "confidence of its best alert-based hypothesis"))
                .sorted(Comparator.comparingDouble(Reasoning.RankedService::score).reversed()
                        .thenComparing(Reasoning.RankedService::service))
                .toList();
    }

    private static List<Reasoning.MissingData> missingData(List<SignalFact> signals, OperationalEvidence operations) {
        List<Reasoning.MissingData> missing = new ArrayList<>();
        if (signals.isEmpty()) {
            missing.add(new Reasoning.MissingData("alerts", "no alerts are attached to this incident"));
        }
        missing.addAll(operations.missingData());
        return missing;
    }

    private static String serviceOf(SignalFact signal) {
        return signal.service() == null ? UNKNOWN_SERVICE : signal.service();
    }

    private static SignalFact withService(SignalFact signal, String service) {
        return new SignalFact(signal.id(), signal.alertname(), service, signal.severity(), signal.status(),
                signal.startsAt(), signal.labels(), signal.annotations());
    }

    private record Unranked(String service, String suspect, Category category, List<SignalFact> supporting,
            List<Factor> factors, double confidence, List<Reasoning.Evidence> evidence) {
    }
}

package io.srecopilot.ai.reasoning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The candidate causes of one incident, one per (service, kind of failure): first those the
 * alerts point at, then those proposed by the LLM that cite only evidence the analysis has. A
 * proposal naming a cause already found lends it its words; others join as new candidates. What
 * was dropped, and why, is kept for the analysis' record.
 */
final class Candidates {

    static final String UNKNOWN_SERVICE = "unknown service";
    private static final int MAX_CLAIM = 200;
    private static final int MAX_DESCRIPTION = 2000;
    static final int METRIC_CANDIDATES = 3;

    private final Map<String, CandidateDraft> byCause = new LinkedHashMap<>();
    private final List<String> dropped = new ArrayList<>();
    private final List<SignalFact> signals;

    Candidates(List<SignalFact> signals) {
        this.signals = signals;
        for (SignalFact signal : signals) {
            String service = serviceOf(signal);
            Category category = Category.of(signal);
            byCause.merge(cause(service, category), CandidateDraft.fromAlerts(service, category, List.of(signal)),
                    (found, more) -> new CandidateDraft(service, category, concat(found.supporting(), more.supporting()),
                            List.of(), null, null, CandidateDraft.DETERMINISTIC));
        }
    }

    /**
     * The deploy-regression pattern: a service whose alerts follow a change of it is suspected of
     * that change, whatever its alerts' names say, citing the change.
     */
    void suspectChanges(OperationalEvidence operations) {
        List<String> services = byCause.values().stream().map(CandidateDraft::service)
                .filter(service -> !UNKNOWN_SERVICE.equals(service)).distinct().toList();
        for (String service : services) {
            operations.changeOf(service).ifPresent(change -> {
                List<SignalFact> alerts = signals.stream().filter(signal -> serviceOf(signal).equals(service)).toList();
                String description = String.format(Locale.ROOT, "%s changed at %s (%s), before its %d alert(s): %s.",
                        service, change.startsAt(), change.summary(), alerts.size(),
                        alerts.stream().map(SignalFact::alertname).distinct().collect(Collectors.joining(", ")));
                CandidateDraft regression = new CandidateDraft(service, Category.CHANGE, alerts, List.of(change), null,
                        description, CandidateDraft.DETERMINISTIC);
                byCause.merge(cause(service, Category.CHANGE), regression,
                        (found, added) -> found.withEvidence(added.cited()));
            });
        }
    }

    /**
     * Services whose own metrics departed are causes too, whether or not an alert names them: one
     * candidate for each of the {@value #METRIC_CANDIDATES} most suspect services of the ranking that
     * departed and stand out from their peers (score above 0), of the kind its deciding series
     * measures. A service an alert already named keeps that candidate, which cites its metrics.
     */
    void suspectDepartedServices(OperationalEvidence operations) {
        java.util.Set<String> named = byCause.values().stream().map(CandidateDraft::service)
                .collect(Collectors.toSet());
        operations.suspicions().stream()
                .filter(suspicion -> suspicion.anomalous() && suspicion.score() > 0)
                .filter(suspicion -> !named.contains(suspicion.service()))
                .limit(METRIC_CANDIDATES)
                .forEach(suspicion -> {
                    Category category = Category.of(suspicion);
                    byCause.put(cause(suspicion.service(), category), new CandidateDraft(suspicion.service(), category,
                            List.of(), operations.evidenceFor(suspicion.service()), null,
                            suspicion.service() + ": " + operations.reasonOf(suspicion.service()) + ".",
                            CandidateDraft.DETERMINISTIC));
                });
    }

    /**
     * Adopts the proposal when all it cites is in the pool and an alert of the incident, or a
     * departed metric it cites, supports it.
     */
    void adopt(ProposedHypothesis proposal, EvidencePool pool) {
        String label = "\"" + shorten(String.valueOf(proposal.claim()), 80) + "\"";
        if (proposal.claim() == null || proposal.claim().isBlank()) {
            dropped.add("a proposal without a claim");
            return;
        }
        List<String> unknown = proposal.evidenceIds().stream().filter(id -> pool.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            dropped.add(label + " cites evidence this analysis does not have: " + String.join(", ", unknown));
            return;
        }
        if (proposal.evidenceIds().isEmpty()) {
            dropped.add(label + " cites no evidence");
            return;
        }
        String service = proposal.suspectService() == null || proposal.suspectService().isBlank() ? UNKNOWN_SERVICE
                : proposal.suspectService().trim();
        Set<String> ids = Set.copyOf(proposal.evidenceIds());
        List<SignalFact> cited = signals.stream().filter(signal -> ids.contains(String.valueOf(signal.id()))).toList();
        List<SignalFact> supporting = cited.isEmpty()
                ? signals.stream().filter(signal -> serviceOf(signal).equals(service)).toList() : cited;
        List<Reasoning.Evidence> other = proposal.evidenceIds().stream().map(id -> pool.find(id).orElseThrow())
                .filter(evidence -> !"signal".equals(evidence.kind())).toList();
        boolean metricOfService = other.stream()
                .anyMatch(evidence -> "metric".equals(evidence.kind()) && service.equals(evidence.service()));
        if (supporting.isEmpty() && !metricOfService) {
            dropped.add(label + " is supported by no alert of this incident and no departed metric of " + service);
            return;
        }
        Category category = Category.fromValue(proposal.category());
        CandidateDraft draft = new CandidateDraft(service, category, supporting, other,
                shorten(proposal.claim().trim(), MAX_CLAIM),
                proposal.description() == null || proposal.description().isBlank() ? null
                        : shorten(proposal.description().trim(), MAX_DESCRIPTION),
                CandidateDraft.LLM);
        byCause.merge(cause(service, category), draft, CandidateDraft::adopt);
    }

    Collection<CandidateDraft> drafts() {
        return byCause.values();
    }

    List<String> dropped() {
        return List.copyOf(dropped);
    }

    static String serviceOf(SignalFact signal) {
        return signal.service() == null ? UNKNOWN_SERVICE : signal.service();
    }

    private static String cause(String service, Category category) {
        return service.toLowerCase(Locale.ROOT) + "\u0000" + category.name();
    }

    private static List<SignalFact> concat(List<SignalFact> first, List<SignalFact> second) {
        List<SignalFact> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

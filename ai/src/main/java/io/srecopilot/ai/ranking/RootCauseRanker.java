package io.srecopilot.ai.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ranks the services in scope by how likely their metrics make them the root cause.
 * <ol>
 * <li>Each series is judged on its own ({@link DepartureDetector}): a CUSUM change point against
 * its reference, a robust baseline from before that change with a scale moderated towards the
 * metric's typical noise ({@link NoisePriors}), and the departure held for two minutes, in the
 * direction that is a symptom for what it measures ({@link MetricKind}).</li>
 * <li>Series that several services share exactly (a node's metrics joined to each of its pods)
 * and host metrics describe no single service and are left out.</li>
 * <li>Per service and metric, the strongest series less what the best of that many would reach by
 * chance; then compared with the same metric on the other services ({@link PeerComparison}).</li>
 * <li>The call graph explains ({@link Explanations}): latency, errors and lost success at a caller
 * are discounted by a callee that departed as strongly no later; lost traffic at a callee by a
 * caller that did, and counted for that caller instead.</li>
 * <li>A service scores its best remaining evidence less the chance maximum over its metrics; a
 * change of it in the 30 minutes before its onset makes it 30 % more suspect.</li>
 * </ol>
 * Scores are not rounded; equal scores share a rank.
 */
public final class RootCauseRanker {

    /**
     * How far before the incident's start departures are looked for: alerting rules hold a condition
     * for one to ten minutes before they fire, and Alertmanager waits before it notifies.
     */
    public static final Duration LOOKBACK = RankingSettings.DEFAULT.lookback();
    /** How long before an anomaly's onset a change of the same service is held against it. */
    static final Duration CHANGE_WINDOW = Duration.ofMinutes(30);
    /** Changes recorded this long after an onset still count: clocks differ. */
    static final Duration CHANGE_SLACK = Duration.ofMinutes(2);
    private static final double CHANGE_BOOST = 1.3;

    private final RankingSettings settings;

    public RootCauseRanker() {
        this(RankingSettings.DEFAULT);
    }

    public RootCauseRanker(RankingSettings settings) {
        this.settings = settings;
    }

    public List<ServiceSuspicion> rank(Instant incidentStart, List<MetricSeries> series, List<ServiceChange> changes) {
        return judge(incidentStart, series, CallGraph.EMPTY, changes).suspicions();
    }

    /** One pass over the series: the services ranked, and each series as judged. */
    public Judgement judge(Instant incidentStart, List<MetricSeries> series, CallGraph graph,
            List<ServiceChange> changes) {
        List<SeriesDeparture> departures = departures(incidentStart, series, settings);
        List<MetricEvidence> evidence = evidenceOf(departures);
        PeerComparison peers = PeerComparison.of(evidence);
        Map<String, List<MetricEvidence>> compared = evidence.stream().map(peers::compare)
                .collect(Collectors.groupingBy(MetricEvidence::service, LinkedHashMap::new, Collectors.toList()));
        Explanations.Result explained = Explanations.of(compared, graph, settings.threshold());
        Map<String, List<MetricEvidence>> byService = explained.byService();
        Instant firstOnset = byService.values().stream().flatMap(List::stream).filter(MetricEvidence::departed)
                .map(MetricEvidence::onset).min(Comparator.naturalOrder()).orElse(null);
        Map<String, List<SeriesDeparture>> seriesByService = departures.stream()
                .collect(Collectors.groupingBy(SeriesDeparture::service));
        List<ServiceSuspicion> unranked = new ArrayList<>();
        byService.forEach((service, found) -> unranked.add(suspicion(service, found, credits(service, explained),
                firstOnset, incidentStart, graph, byService, changes, seriesByService.get(service))));
        return new Judgement(ranked(unranked), summaries(series, departures));
    }

    /** The callees whose lost traffic this service's failure explains, and the best evidence that lends it. */
    private static Credit credits(String service, Explanations.Result explained) {
        List<Explanations.Credit> mine = explained.credits().stream().filter(credit -> credit.caller().equals(service))
                .toList();
        double best = mine.stream().mapToDouble(Explanations.Credit::score).max().orElse(Double.NEGATIVE_INFINITY);
        return new Credit(best, mine.stream().map(Explanations.Credit::callee).distinct().sorted().toList());
    }

    private record Credit(double score, List<String> callees) {
    }

    /** The services by suspicion, and every series as judged (for the analysis' snapshot). */
    public record Judgement(List<ServiceSuspicion> suspicions, List<SeriesSummary> summaries) {
    }

    /** Every series of a service's own that could be judged (shared and host series left out). */
    private static List<SeriesDeparture> departures(Instant incidentStart, List<MetricSeries> series,
            RankingSettings settings) {
        double start = incidentStart.getEpochSecond();
        double windowStart = incidentStart.minus(settings.lookback()).getEpochSecond();
        List<MetricSeries> own = SharedSeries.withoutShared(series.stream()
                .filter(one -> one.kind().countsForTheService()).toList());
        List<SeriesReference> references = own.stream()
                .map(one -> SeriesReference.of(one, start, windowStart, settings.persistenceSeconds()))
                .filter(reference -> reference != null).toList();
        DepartureDetector detector = new DepartureDetector(NoisePriors.of(references, settings.priorPoints()),
                settings.threshold());
        return references.stream().map(detector::judge).toList();
    }

    /** Per service and metric: the strongest series, corrected for how many there were. */
    private static List<MetricEvidence> evidenceOf(List<SeriesDeparture> departures) {
        Map<List<String>, List<SeriesDeparture>> byServiceAndMetric = departures.stream()
                .collect(Collectors.groupingBy(one -> List.of(one.service(), one.metric()), LinkedHashMap::new,
                        Collectors.toList()));
        return byServiceAndMetric.values().stream().map(group -> MetricEvidence.of(group.stream()
                .max(Comparator.comparingDouble(SeriesDeparture::strength)).orElseThrow(), group.size())).toList();
    }

    private static ServiceSuspicion suspicion(String service, List<MetricEvidence> evidence, Credit credit,
            Instant firstOnset, Instant incidentStart, CallGraph graph, Map<String, List<MetricEvidence>> byService,
            List<ServiceChange> changes, List<SeriesDeparture> own) {
        MetricEvidence deciding = evidence.stream().max(Comparator.comparingDouble(MetricEvidence::remaining))
                .orElseThrow();
        MetricEvidence strongest = evidence.stream().max(Comparator.comparingDouble(MetricEvidence::peerScore))
                .orElseThrow();
        Instant onset = onsetOf(evidence);
        ServiceChange change = changeBefore(service, onset != null ? onset : incidentStart, changes).orElse(null);
        double score = Math.max(deciding.remaining() - MetricEvidence.chanceMaximum(evidence.size()), credit.score());
        if (change != null && score > 0) {
            score *= CHANGE_BOOST;
        }
        return new ServiceSuspicion(service, 0, score, strongest.departure(), strongest.peerScore(),
                (int) own.stream().filter(SeriesDeparture::departed).count(), own.size(), onset,
                onset == null || firstOnset == null ? 0 : Duration.between(firstOnset, onset).toSeconds(),
                strongest.explainedBy(), strongest.explainedShare(), credit.callees(),
                neighbours(service, onset, graph, byService), change);
    }

    private static Instant onsetOf(List<MetricEvidence> evidence) {
        return evidence.stream().filter(MetricEvidence::departed).map(MetricEvidence::onset)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The neighbours in the call graph that departed too, with when relative to this service. */
    private static List<ServiceSuspicion.Neighbour> neighbours(String service, Instant onset, CallGraph graph,
            Map<String, List<MetricEvidence>> byService) {
        List<ServiceSuspicion.Neighbour> found = new ArrayList<>();
        if (onset == null) {
            return found;
        }
        Map<String, String> relations = new LinkedHashMap<>();
        graph.calleesOf(service).forEach(callee -> relations.put(callee, "callee"));
        graph.callersOf(service).forEach(caller -> relations.putIfAbsent(caller, "caller"));
        relations.forEach((neighbour, relation) -> {
            Instant theirs = onsetOf(byService.getOrDefault(neighbour, List.of()));
            if (theirs != null) {
                found.add(new ServiceSuspicion.Neighbour(neighbour, relation,
                        Duration.between(onset, theirs).toSeconds()));
            }
        });
        return found;
    }

    /** Sorted by score, then name; equal scores share the rank of the first of them. */
    private static List<ServiceSuspicion> ranked(List<ServiceSuspicion> unranked) {
        List<ServiceSuspicion> sorted = new ArrayList<>(unranked);
        sorted.sort(Comparator.comparingDouble(ServiceSuspicion::score).reversed()
                .thenComparing(ServiceSuspicion::service));
        List<ServiceSuspicion> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ServiceSuspicion one = sorted.get(i);
            boolean tied = i > 0 && Double.compare(sorted.get(i - 1).score(), one.score()) == 0;
            ranked.add(one.ranked(tied ? ranked.get(i - 1).rank() : i + 1));
        }
        return ranked;
    }

    private static List<SeriesSummary> summaries(List<MetricSeries> series, List<SeriesDeparture> departures) {
        Map<MetricSeries, SeriesDeparture> judged = new IdentityHashMap<>();
        departures.forEach(departure -> judged.put(departure.series(), departure));
        return series.stream().map(one -> SeriesSummary.of(one, judged.get(one))).toList();
    }

    /** The latest change of the service in the window before {@code moment} (or just after it, clocks differ). */
    public static Optional<ServiceChange> changeBefore(String service, Instant moment, List<ServiceChange> changes) {
        Instant earliest = moment.minus(CHANGE_WINDOW);
        Instant latest = moment.plus(CHANGE_SLACK);
        return changes.stream()
                .filter(change -> change.service().equals(service))
                .filter(change -> !change.at().isBefore(earliest) && !change.at().isAfter(latest))
                .max(Comparator.comparing(ServiceChange::at));
    }
}

package io.srecopilot.ai.precedent;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How much a learned incident resembles a new one: the same service (0.4), the share of label
 * pairs in common (0.2) and of words in common (0.4), each a Jaccard similarity. From
 * {@value #THRESHOLD} on it is a precedent: the same service and a fair share of what is said, or
 * everything said and labelled alike on another service.
 */
public final class PrecedentMatcher {

    static final double THRESHOLD = 0.6;
    private static final double SERVICE = 0.4;
    private static final double LABELS = 0.2;
    private static final double WORDS = 0.4;
    private static final int MAX_MATCHES = 3;

    private PrecedentMatcher() {
    }

    /** The closest precedents, most similar first; never the incident itself. */
    public static List<PrecedentMatch> match(Collection<Precedent> precedents, UUID incidentId, String service,
            Map<String, String> labels, List<String> words) {
        return precedents.stream().filter(precedent -> !precedent.incidentId.equals(incidentId))
                .map(precedent -> new PrecedentMatch(precedent.incidentId, precedent.reference, precedent.title,
                        precedent.service, precedent.details.rootCause(), precedent.mttrSeconds,
                        similarity(precedent, service, labels, words)))
                .filter(match -> match.similarity() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(PrecedentMatch::similarity).reversed()
                        .thenComparing(PrecedentMatch::reference))
                .limit(MAX_MATCHES).toList();
    }

    public static List<String> words(String... texts) {
        return Words.of(texts);
    }

    static double similarity(Precedent precedent, String service, Map<String, String> labels, List<String> words) {
        double sameService = service != null && Objects.equals(service, precedent.service) ? 1 : 0;
        double score = SERVICE * sameService
                + LABELS * Words.similarity(pairs(precedent.details.labels()), pairs(labels))
                + WORDS * Words.similarity(precedent.details.words(), words);
        return Math.round(score * 1000) / 1000.0;
    }

    private static List<String> pairs(Map<String, String> labels) {
        return labels == null ? List.of()
                : labels.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }
}

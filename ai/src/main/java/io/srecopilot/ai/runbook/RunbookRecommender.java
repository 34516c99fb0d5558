package io.srecopilot.ai.runbook;

import io.srecopilot.ai.precedent.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which runbooks fit a hypothesis: written for its suspect service (0.35), for one of its alerts'
 * names (0.25), tagged with its kind, service, alert words or label values (0.15, by the share of
 * the runbook's tags that match) and saying what it says (0.25, by the share of the hypothesis'
 * words the runbook's title, description and tags cover). From {@value #THRESHOLD} on a runbook is
 * recommended, at most {@value #MAX_RECOMMENDATIONS}, best first, each with its reasons.
 */
public final class RunbookRecommender {

    static final double SERVICE = 0.35;
    static final double ALERTS = 0.25;
    static final double TAGS = 0.15;
    static final double WORDS = 0.25;
    static final double THRESHOLD = 0.15;
    static final int MAX_RECOMMENDATIONS = 3;

    private RunbookRecommender() {
    }

    public static List<Recommendation> recommend(HypothesisTraits hypothesis, List<RunbookRecord> runbooks) {
        Set<String> terms = terms(hypothesis);
        List<String> words = Words.of(Stream.concat(Stream.of(hypothesis.claim(), hypothesis.description()),
                hypothesis.alertnames().stream().map(RunbookRecommender::spaced)).toArray(String[]::new));
        return runbooks.stream().map(record -> score(record, hypothesis, terms, words))
                .filter(recommendation -> recommendation.score() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed()
                        .thenComparing(Recommendation::title))
                .limit(MAX_RECOMMENDATIONS).toList();
    }

    private static Recommendation score(RunbookRecord record, HypothesisTraits hypothesis, Set<String> terms,
            List<String> words) {
        Runbook runbook = record.runbook();
        RunbookMatching matching = runbook.matching;
        List<String> reasons = new ArrayList<>();
        double score = 0;
        if (hypothesis.suspectService() != null && matching.services().stream()
                .anyMatch(service -> service.equalsIgnoreCase(hypothesis.suspectService()))) {
            score += SERVICE;
            reasons.add("written for " + hypothesis.suspectService());
        }
        List<String> matchedAlerts = hypothesis.alertnames().stream()
                .filter(alert -> matching.alertPatterns().stream().anyMatch(pattern -> glob(pattern).matcher(alert).matches()))
                .distinct().toList();
        if (!matchedAlerts.isEmpty()) {
            score += ALERTS;
            reasons.add("for alerts like " + String.join(", ", matchedAlerts));
        }
        List<String> matchedTags = matching.tags().stream().filter(terms::contains).toList();
        if (!matchedTags.isEmpty()) {
            score += TAGS * matchedTags.size() / matching.tags().size();
            reasons.add("tagged " + String.join(", ", matchedTags));
        }
        double covered = Words.overlap(words, Words.of(runbook.title, runbook.description, String.join(" ", matching.tags())));
        if (covered > 0) {
            score += WORDS * covered;
            reasons.add(String.format(Locale.ROOT, "says %.0f%% of what the hypothesis says", covered * 100));
        }
        return new Recommendation(runbook.id, runbook.title, runbook.riskLevel, Math.round(score * 1000) / 1000.0,
                reasons, record.timesUsed(), record.medianMttrSeconds());
    }

    /** The hypothesis' kind and service, its alerts' words and its labels' values, lower-case. */
    private static Set<String> terms(HypothesisTraits hypothesis) {
        Set<String> terms = new HashSet<>();
        if (hypothesis.category() != null) {
            terms.add(hypothesis.category().toLowerCase(Locale.ROOT));
        }
        if (hypothesis.suspectService() != null) {
            terms.add(hypothesis.suspectService().toLowerCase(Locale.ROOT));
        }
        hypothesis.alertnames().forEach(alert -> terms.addAll(Words.of(spaced(alert))));
        hypothesis.labels().values().forEach(value -> terms.add(value.toLowerCase(Locale.ROOT)));
        return terms;
    }

    /** "KubePodCrashLooping" → "Kube Pod Crash Looping", so its words can be matched. */
    private static String spaced(String alertname) {
        return alertname == null ? "" : alertname.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    }

    /** A wildcard pattern as a regular expression: every other character is literal. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}

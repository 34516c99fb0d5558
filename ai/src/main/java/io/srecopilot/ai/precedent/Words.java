package io.srecopilot.ai.precedent;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The words of a text that say what it is about, for comparing incidents by what they say. */
public final class Words {

    private static final Set<String> STOP = Set.of("the", "a", "an", "is", "are", "was", "were", "and", "or", "of",
            "to", "in", "on", "at", "for", "by", "with", "from", "it", "its", "this", "that", "be", "been", "as",
            "after", "before", "not", "no");
    private static final int MAX_WORDS = 200;

    private Words() {
    }

    public static List<String> of(String... texts) {
        Set<String> words = new TreeSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(word -> word.length() > 1 && !STOP.contains(word))
                    .limit(MAX_WORDS).forEach(words::add);
        }
        return List.copyOf(words);
    }

    /** Shared words over the words of the shorter text: how much of the short one the long one covers. */
    public static double overlap(Collection<String> a, Collection<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(new HashSet<>(b));
        return shared.size() / (double) Math.min(new HashSet<>(a).size(), new HashSet<>(b).size());
    }

    /** Jaccard similarity: shared words over all words of the two; 0 when both are empty. */
    static double similarity(Collection<String> a, Collection<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> first = new HashSet<>(a);
        Set<String> union = new HashSet<>(first);
        union.addAll(b);
        return (first.size() + new HashSet<>(b).size() - union.size()) / (double) union.size();
    }
}

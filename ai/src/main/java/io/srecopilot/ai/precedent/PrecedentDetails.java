package io.srecopilot.ai.precedent;

import java.util.List;
import java.util.Map;

/** A precedent's postmortem findings and the words it is matched by (lower case, no stop words). */
public record PrecedentDetails(Map<String, String> labels, String rootCause, String summary, String confirmedClaim,
        List<String> words) {
}

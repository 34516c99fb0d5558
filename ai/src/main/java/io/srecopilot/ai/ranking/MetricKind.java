package io.srecopilot.ai.ranking;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a metric measures, which decides the direction in which its departure is a symptom and
 * whether a neighbour in the call graph can explain it. Rises of saturation (CPU, memory, disk,
 * pools), latency and errors are symptoms; so are drops of traffic (throughput) and of success
 * ratios. Latency, errors and lost success travel from a callee to its callers; lost traffic travels
 * from a caller to its callees (a caller that fails early stops calling them). Saturation is a
 * service's own. Host metrics describe the machine that every pod on it shares, so they are context,
 * never a service's evidence. {@code OTHER} departs in either direction and explains nothing.
 */
public enum MetricKind {
    SATURATION(1),
    LATENCY(1),
    ERRORS(1),
    TRAFFIC(-1),
    SUCCESS(-1),
    HOST(0),
    OTHER(0);

    /** Words of metric names, most specific first: the first that matches names the kind. */
    private static final List<Map.Entry<Pattern, MetricKind>> NAMES = List.of(
            Map.entry(Pattern.compile("(^|[^a-z])(node|host|machine)_"), HOST),
            Map.entry(Pattern.compile("success|availability|apdex|uptime|\\bup\\b"), SUCCESS),
            Map.entry(Pattern.compile("error|fail|5xx|exception|fault|reject"), ERRORS),
            Map.entry(Pattern.compile("cpu|memory|mem_|heap|disk|filesystem|saturation|throttl|oom|gc_"), SATURATION),
            Map.entry(Pattern.compile("latency|duration|response_time|_seconds|p9[059]|p50|timeout"), LATENCY),
            Map.entry(Pattern.compile("queue|pool|thread|connections_(active|used)"), SATURATION),
            Map.entry(Pattern.compile("request|traffic|throughput|rps|qps|_ops|workload|bytes|packets|syscall|network|"
                    + "calls|messages"), TRAFFIC));

    /** +1: rises are symptoms; -1: drops are; 0: either way. */
    private final int direction;

    MetricKind(int direction) {
        this.direction = direction;
    }

    public int direction() {
        return direction;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A departure of this kind at a caller may be a callee's failure showing through. */
    public boolean travelsFromCallees() {
        return this == LATENCY || this == ERRORS || this == SUCCESS;
    }

    /** A departure of this kind at a callee may be its callers' failure showing through. */
    public boolean travelsFromCallers() {
        return this == TRAFFIC;
    }

    /** Whether the ranking weighs departures of this kind as a service's evidence. */
    public boolean countsForTheService() {
        return this != HOST;
    }

    /** A kind named in words; null and unknown names are null, so that the caller can infer one. */
    public static MetricKind fromValue(String value) {
        if (value != null) {
            for (MetricKind kind : values()) {
                if (kind.name().equalsIgnoreCase(value.trim())) {
                    return kind;
                }
            }
        }
        return null;
    }

    /**
     * The kind a metric's name and query suggest, for templates that do not say: the checks go from
     * the most specific words to the most general, so "http_request_errors_total" is errors, not
     * traffic, and "node_cpu_seconds_total" is the host's, not a service's saturation.
     */
    public static MetricKind infer(String... texts) {
        String words = String.join(" ", Arrays.stream(texts).map(text -> text == null ? "" : text).toList())
                .toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, MetricKind> name : NAMES) {
            if (name.getKey().matcher(words).find()) {
                return name.getValue();
            }
        }
        return OTHER;
    }
}

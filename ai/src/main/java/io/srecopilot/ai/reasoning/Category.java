package io.srecopilot.ai.reasoning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kind of failure a signal points at, read from the words of its alert name and summary:
 * the evidence patterns of configuration changes, deploy regressions, resource saturation,
 * dependency failures, unavailability, slowness, error surges and traffic surges. Categories are
 * tried in order, most specific first, so "DatabaseConnectionErrors" is a dependency problem,
 * "HighErrorRate" an error problem and "HighRequestLatency" a latency one.
 */
public enum Category {
    CONFIG("A configuration change to %s caused it", "a configuration change", Set.of("config", "configuration",
            "configmap", "flag", "flags", "featureflag", "toggle", "settings")),
    CHANGE("A recent change to %s caused it", "a recent change", Set.of("deploy", "deployment", "rollout", "release", "version",
            "migration", "canary", "image")),
    SATURATION("%s is running out of capacity", "exhausted capacity", Set.of("cpu", "memory", "mem", "oom", "disk", "filesystem", "space",
            "inode", "inodes", "saturation", "saturated", "throttling", "throttled", "queue", "backlog", "full",
            "exhausted", "pressure", "filling", "heap", "gc", "threads", "pool")),
    DEPENDENCY("%s is failing because of a dependency", "a failing dependency", Set.of("dependency", "upstream", "downstream", "database",
            "db", "postgres", "postgresql", "mysql", "redis", "kafka", "rabbitmq", "connection", "connections", "dns",
            "timeout", "timeouts", "certificate", "tls")),
    AVAILABILITY("%s is down or unreachable", "unavailability", Set.of("down", "unavailable", "unreachable", "crashlooping",
            "crashloop", "restarting", "restarts", "absent", "probe", "notready", "unhealthy", "killed")),
    LATENCY("%s is responding slowly", "slow responses", Set.of("latency", "slow", "duration", "p99", "p95", "response", "apdex")),
    ERRORS("%s is failing requests", "failing requests", Set.of("error", "errors", "5xx", "500", "500s", "exception", "exceptions", "failure",
            "failures", "failed", "failing")),
    TRAFFIC("%s is taking more traffic than it can serve", "a surge of traffic", Set.of("traffic", "requests", "request", "rps",
            "qps", "throughput", "surge", "load", "ratelimited")),
    UNKNOWN("%s is misbehaving", "a problem of unknown kind", Set.of());

    private final String claimTemplate;
    private final String symptom;
    private final Set<String> words;

    Category(String claimTemplate, String symptom, Set<String> words) {
        this.claimTemplate = claimTemplate;
        this.symptom = symptom;
        this.words = words;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String claim(String service) {
        return String.format(Locale.ROOT, claimTemplate, service);
    }

    /** What the alerts show, for sentences: "point to failing requests". */
    public String symptom() {
        return symptom;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /** A category named in words ("saturation", "Errors"); unknown names are {@link #UNKNOWN}. */
    public static Category fromValue(String value) {
        if (value != null) {
            for (Category category : values()) {
                if (category.name().equalsIgnoreCase(value.trim())) {
                    return category;
                }
            }
        }
        return UNKNOWN;
    }

    /**
     * The kind of failure a service's metrics show: saturation, latency, errors (lost success too,
     * and a caller whose callees lost their traffic, having failed before calling them), unavailability
     * for traffic it no longer serves.
     */
    public static Category of(io.srecopilot.ai.ranking.ServiceSuspicion suspicion) {
        if (suspicion.evidence() == null || !suspicion.evidence().departed()) {
            return suspicion.silencedCallees().isEmpty() ? UNKNOWN : ERRORS;
        }
        return switch (suspicion.evidence().kind()) {
            case SATURATION -> SATURATION;
            case LATENCY -> LATENCY;
            case ERRORS, SUCCESS -> ERRORS;
            case TRAFFIC -> AVAILABILITY;
            case HOST, OTHER -> UNKNOWN;
        };
    }

    public static Category of(SignalFact signal) {
        List<String> tokens = new ArrayList<>(tokens(signal.alertname()));
        tokens.addAll(tokens(signal.annotations().get("summary")));
        for (Category category : values()) {
            if (tokens.stream().anyMatch(category.words::contains)) {
                return category;
            }
        }
        return UNKNOWN;
    }

    /** "KubePodCrashLooping" → kube, pod, crash, looping, podcrash, crashlooping…; "HTTP5xx" → http, 5xx. */
    static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replaceAll("([A-Za-z])([0-9])", "$1 $2");
        List<String> words = Arrays.stream(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(word -> !word.isEmpty()).toList();
        List<String> tokens = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            tokens.add(words.get(i) + words.get(i + 1));
        }
        return tokens;
    }
}

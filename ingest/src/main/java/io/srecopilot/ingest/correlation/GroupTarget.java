package io.srecopilot.ingest.correlation;

import io.srecopilot.platform.domain.TimeWindow;
import io.srecopilot.platform.security.Hashes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The group a signal belongs in: a key, the window after which the key opens a new group
 * ({@code null}: never, the sender's own groups live on), and the link that explains it.
 */
public record GroupTarget(String groupKey, Duration window, CorrelationLink link) {

    public static GroupTarget alertmanager(String groupKey) {
        return new GroupTarget(groupKey, null, CorrelationLink.groupKey(groupKey));
    }

    /** The signals of one poller query template, whose name explains them. */
    public static GroupTarget queryTemplate(String groupKey, String templateName) {
        return new GroupTarget(groupKey, null, new CorrelationLink(CorrelationLink.QUERY_TEMPLATE, null, null,
                Map.of("template", templateName), null));
    }

    public static GroupTarget event(String groupKey, String dedupKey) {
        return new GroupTarget(groupKey, null, CorrelationLink.dedupKey(dedupKey));
    }

    /** Keys are hashed so that label values of any length make a bounded group key. */
    static GroupTarget ofRule(ActiveRule rule, Map<String, String> keys) {
        String canonical = keys.entrySet().stream().map(entry -> entry.getKey() + '\u0000' + entry.getValue())
                .collect(Collectors.joining("\u0001"));
        String key = "rule:" + rule.id() + ":" + HexFormat.of().formatHex(Hashes.sha256(canonical), 0, 16);
        Duration window = Duration.ofSeconds(rule.windowSeconds());
        return new GroupTarget(key, window, new CorrelationLink(CorrelationLink.LABELS, rule.id(), rule.name(), keys,
                TimeWindow.of(window)));
    }
}

package io.srecopilot.ingest.correlation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.srecopilot.platform.domain.TimeWindow;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import java.util.Map;
import java.util.UUID;

/**
 * Why a signal is in its group, stored with the signal: the rule, the keys it matched on and the
 * window it applied ({@code null} for the sender's own grouping, which has none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CorrelationLink(String rule, UUID ruleId, String ruleName, Map<String, String> keys,
        TimeWindow window) {

    /** Alertmanager's own grouping of the notification. */
    public static final String GROUP_KEY = "group-key";
    /** A generic event's {@code dedup_key}. */
    public static final String DEDUP_KEY = "dedup-key";
    /** The poller's query template that detected the signal. */
    public static final String QUERY_TEMPLATE = "query-template";
    /** A project rule over a label set. */
    public static final String LABELS = "labels";

    public static CorrelationLink groupKey(String groupKey) {
        return new CorrelationLink(GROUP_KEY, null, null, Map.of("groupKey", groupKey), null);
    }

    public static CorrelationLink dedupKey(String dedupKey) {
        return new CorrelationLink(DEDUP_KEY, null, null, Map.of("dedup_key", dedupKey), null);
    }

    /** The link as {@code alertgroup.*} events carry it. */
    public AlertGroupChanged.Correlation asEventData() {
        return new AlertGroupChanged.Correlation(rule, ruleId, ruleName, keys, window);
    }
}

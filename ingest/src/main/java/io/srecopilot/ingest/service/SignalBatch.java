package io.srecopilot.ingest.service;

import java.util.List;
import java.util.Map;

/**
 * Signals that arrived together for one alert group, whatever sent them: an Alertmanager
 * notification, or an event. {@code truncatedAlerts} counts members the sender left out.
 */
public record SignalBatch(String source, String groupKey, String receiver, Map<String, String> commonLabels,
        Map<String, String> commonAnnotations, String externalUrl, int truncatedAlerts,
        List<NormalizedSignal> signals) {
}

package io.srecopilot.ingest.alertmanager;

import io.srecopilot.ingest.correlation.GroupTarget;
import io.srecopilot.ingest.service.SignalBatch;

/** An Alertmanager notification as a batch of signals of its group ({@code groupKey}). */
public final class AlertmanagerBatches {

    public static final String SOURCE = "alertmanager";

    private AlertmanagerBatches() {
    }

    public static SignalBatch of(AlertmanagerWebhook notification) {
        int truncated = notification.truncatedAlerts() == null ? 0 : notification.truncatedAlerts();
        return new SignalBatch(SOURCE, GroupTarget.alertmanager(notification.groupKey()), notification.receiver(),
                notification.commonLabels(), notification.commonAnnotations(), notification.externalURL(), truncated,
                notification.alerts().stream().map(AlertNormalizer::normalize).toList());
    }
}

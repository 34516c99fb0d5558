package io.srecopilot.incidents.correlation;

import io.srecopilot.incidents.service.NewIncident;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** The incident an alert group opens: its summary as title, its worst alert's severity, its first alert's start. */
final class IncidentDrafts {

    private static final int MAX_TITLE = 200;

    private IncidentDrafts() {
    }

    static NewIncident from(AlertGroupChanged group, String service) {
        Severity worst = group.signals().stream().map(AlertGroups::severityOf)
                .min(Comparator.naturalOrder()).orElse(Severity.MEDIUM);
        Instant started = group.signals().stream().map(AlertGroupChanged.Signal::startsAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new NewIncident(title(group), group.commonAnnotations().get("description"), service, worst, started,
                AlertGroups.incidentSource(group), group.commonLabels());
    }

    private static String title(AlertGroupChanged group) {
        String summary = group.commonAnnotations().get("summary");
        String title = summary != null && !summary.isBlank() ? summary
                : group.signals().stream().findFirst()
                        .map(signal -> signal.alertname() + (signal.service() == null ? "" : " on " + signal.service()))
                        .orElse("Alert group " + group.groupKey());
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }
}

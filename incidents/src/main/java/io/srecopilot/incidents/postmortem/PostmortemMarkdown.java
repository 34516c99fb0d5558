package io.srecopilot.incidents.postmortem;

import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Renders a postmortem as a Markdown document people paste into their wiki or review. */
final class PostmortemMarkdown {

    private PostmortemMarkdown() {
    }

    static String render(Incident incident, Postmortem postmortem, List<TimelineEntry> timeline) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(incident.reference()).append(" postmortem: ").append(oneLine(incident.title)).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Service", incident.service == null ? "—" : incident.service);
        row(md, "Severity", incident.severity.value());
        row(md, "State", incident.state.name());
        row(md, "Started", String.valueOf(incident.startedAt));
        row(md, "Detected", String.valueOf(incident.detectedAt));
        row(md, "Acknowledged", orDash(incident.acknowledgedAt));
        row(md, "Resolved", orDash(incident.resolvedAt));
        row(md, "Time to acknowledge", between(incident.detectedAt, incident.acknowledgedAt));
        row(md, "Time to resolve", between(incident.detectedAt, incident.resolvedAt));
        section(md, "Summary", postmortem.summary);
        section(md, "Impact", postmortem.impact);
        section(md, "Root cause", postmortem.rootCause);
        if (postmortem.confirmedHypothesisClaim != null) {
            section(md, "Confirmed hypothesis", postmortem.confirmedHypothesisClaim);
        }
        md.append("## Contributing factors\n\n");
        if (postmortem.details.contributingFactors().isEmpty()) {
            md.append("_None recorded._\n\n");
        }
        postmortem.details.contributingFactors().forEach(factor -> md.append("- ").append(oneLine(factor)).append('\n'));
        md.append("\n## Action items\n\n");
        if (postmortem.details.actionItems().isEmpty()) {
            md.append("_None recorded._\n");
        } else {
            md.append("| Action | Owner | Due | Status |\n|---|---|---|---|\n");
            postmortem.details.actionItems().forEach(item -> md.append("| ").append(cell(item.description()))
                    .append(" | ").append(cell(item.owner())).append(" | ")
                    .append(item.dueDate() == null ? "—" : item.dueDate().toString())
                    .append(" | ").append(item.status()).append(" |\n"));
        }
        md.append("\n## Timeline\n\n");
        timeline.forEach(entry -> md.append("- ").append(entry.occurredAt).append(" — ")
                .append(oneLine(entry.message == null ? entry.kind : entry.message))
                .append(" (").append(entry.actorType).append(entry.actorId == null ? "" : " " + entry.actorId)
                .append(")\n"));
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static void section(StringBuilder md, String title, String text) {
        md.append("\n## ").append(title).append("\n\n").append(text == null || text.isBlank() ? "_Not written yet._" : text.strip())
                .append("\n\n");
    }

    private static String orDash(Instant instant) {
        return instant == null ? "—" : instant.toString();
    }

    /** "1h 12m" between two instants, or a dash while the later one has not happened. */
    private static String between(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        Duration duration = Duration.between(from, to);
        return duration.toHours() > 0 ? duration.toHours() + "h " + duration.toMinutesPart() + "m"
                : duration.toMinutes() + "m " + duration.toSecondsPart() + "s";
    }

    /** A table cell: pipes escaped, lines joined, so a cell cannot break the table. */
    private static String cell(String text) {
        return text == null || text.isBlank() ? "—" : oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

package io.srecopilot.ai.llm;

import io.srecopilot.ai.reasoning.EvidencePool;
import io.srecopilot.ai.reasoning.IncidentFacts;
import io.srecopilot.ai.reasoning.Reasoning;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.security.Hashes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an incident and its evidence pool as the LLM's prompt, within a token budget: metrics,
 * changes and precedents first (few and telling), then alerts, most severe and earliest first;
 * whatever does not fit is left out and counted. Tokens are estimated at four characters each,
 * which is what OpenAI's tokenizers average on English and JSON.
 */
final class PromptWriter {

    /** Changes whenever the system message or this layout changes, so cached answers are not reused. */
    static final String VERSION = "candidates-v2";
    private static final int CHARS_PER_TOKEN = 4;
    /** Left for the system message and the JSON schema it states. */
    private static final int SYSTEM_TOKENS = 300;
    private static final Map<String, Integer> KIND_ORDER = Map.of("metric", 0, "change", 1, "precedent", 2, "signal", 3);

    private PromptWriter() {
    }

    static LlmPrompt write(IncidentFacts facts, EvidencePool pool, String model, int maxPromptTokens) {
        StringBuilder text = new StringBuilder();
        text.append("Incident: ").append(facts.title()).append('\n')
                .append("Service: ").append(Objects.requireNonNullElse(facts.service(), "unknown")).append('\n')
                .append("Severity: ").append(facts.severity() == null ? "unknown" : facts.severity().value()).append('\n')
                .append("Started: ").append(Objects.requireNonNullElse(facts.startedAt(), "unknown")).append('\n')
                .append("Evidence (cite by the id in brackets):\n");
        int budgetChars = Math.max(0, maxPromptTokens - SYSTEM_TOKENS) * CHARS_PER_TOKEN;
        List<Reasoning.Evidence> ordered = pool.items().stream().sorted(MOST_TELLING_FIRST).toList();
        int omitted = 0;
        for (Reasoning.Evidence evidence : ordered) {
            String line = line(evidence);
            if (text.length() + line.length() > budgetChars) {
                omitted++;
                continue;
            }
            text.append(line);
        }
        if (omitted > 0) {
            text.append("(").append(omitted).append(" more piece(s) of evidence left out to fit the prompt budget)\n");
        }
        String prompt = text.toString();
        return new LlmPrompt(prompt, (prompt.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + SYSTEM_TOKENS,
                omitted, Hashes.sha256Hex(VERSION + "\n" + model + "\n" + prompt));
    }

    private static final Comparator<Reasoning.Evidence> MOST_TELLING_FIRST = Comparator
            .<Reasoning.Evidence>comparingInt(evidence -> KIND_ORDER.getOrDefault(evidence.kind(), 4))
            .thenComparing(evidence -> evidence.severity() == null ? Severity.INFO : evidence.severity())
            .thenComparing(Reasoning.Evidence::startsAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Reasoning.Evidence::id);

    private static String line(Reasoning.Evidence evidence) {
        StringBuilder line = new StringBuilder("- [").append(evidence.id()).append("] ").append(evidence.kind());
        if (evidence.service() != null) {
            line.append(" on ").append(evidence.service());
        }
        if (evidence.alertname() != null) {
            line.append(", alert ").append(evidence.alertname());
        }
        if (evidence.severity() != null) {
            line.append(", ").append(evidence.severity().value());
        }
        if (evidence.startsAt() != null) {
            line.append(", at ").append(evidence.startsAt());
        }
        line.append(": ").append(Objects.requireNonNullElse(evidence.summary(), ""));
        if (evidence.query() != null) {
            line.append(" (query: ").append(evidence.query()).append(')');
        }
        return line.append('\n').toString();
    }
}

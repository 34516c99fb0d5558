package io.srecopilot.incidents.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentLabels;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The fields a PATCH changes, as in JSON Merge Patch (RFC 7396): a field absent from the body
 * stays as it is, a null clears it. State is not a field: it changes only through transitions.
 */
public final class IncidentPatch {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIELDS = List.of("title", "description", "service", "severity", "labels",
            "assigneeId", "startedAt");

    private final Map<String, Object> values;

    private IncidentPatch(Map<String, Object> values) {
        this.values = values;
    }

    /** @throws ProblemException a 400 naming every field that is wrong */
    public static IncidentPatch parse(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch must be an object naming at least one of "
                    + String.join(", ", FIELDS));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        body.fields().forEachRemaining(field -> {
            try {
                values.put(field.getKey(), read(field.getKey(), field.getValue(), errors));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.add(new FieldError(field.getKey(), e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The patch is not valid", errors);
        }
        return new IncidentPatch(values);
    }

    /** Applies the patch; answers {@code {field: {from, to}}} for the fields whose value really changed. */
    public ObjectNode applyTo(Incident incident) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        values.forEach((field, value) -> {
            Object before = valueOf(incident, field);
            if (!Objects.equals(before, value)) {
                set(incident, field, value);
                ObjectNode change = changes.putObject(field);
                change.set("from", json(before));
                change.set("to", json(value));
            }
        });
        return changes;
    }

    private static JsonNode json(Object value) {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof Map<?, ?> map) {
            return MAPPER.valueToTree(map);
        }
        return TextNode.valueOf(value instanceof Severity severity ? severity.value() : value.toString());
    }

    private static Object read(String field, JsonNode value, List<FieldError> errors) {
        boolean clear = value.isNull();
        return switch (field) {
            case "title" -> text(value, 1, 200, false);
            case "description" -> clear ? null : text(value, 0, 10_000, true);
            case "service" -> clear ? null : text(value, 1, 100, false);
            case "severity" -> Severity.of(text(value, 1, 20, false));
            case "labels" -> clear ? Map.of() : labels(value, errors);
            case "assigneeId" -> clear ? null : UUID.fromString(text(value, 36, 36, false));
            case "startedAt" -> startedAt(text(value, 1, 40, false));
            default -> throw new IllegalArgumentException("is not a field an incident can change; use one of "
                    + String.join(", ", FIELDS) + (field.equals("state") ? " (state changes through transitions)" : ""));
        };
    }

    private static String text(JsonNode value, int min, int max, boolean keepBlank) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("must be a text");
        }
        String text = keepBlank ? value.asText() : value.asText().strip();
        if (text.length() < min || text.length() > max) {
            throw new IllegalArgumentException(min == max ? "must be " + min + " characters long"
                    : "must be " + min + " to " + max + " characters long");
        }
        return text;
    }

    private static Map<String, String> labels(JsonNode value, List<FieldError> errors) {
        if (!value.isObject()) {
            throw new IllegalArgumentException("must be an object of label names to texts");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        value.fields().forEachRemaining(label -> labels.put(label.getKey(),
                label.getValue().isTextual() ? label.getValue().asText() : null));
        errors.addAll(IncidentLabels.errors("labels", labels));
        return labels;
    }

    private static Instant startedAt(String text) {
        Instant startedAt = Timestamps.of(Instant.parse(text));
        if (startedAt.isAfter(Timestamps.now())) {
            throw new IllegalArgumentException("must not be in the future");
        }
        return startedAt;
    }

    private static Object valueOf(Incident incident, String field) {
        return switch (field) {
            case "title" -> incident.title;
            case "description" -> incident.description;
            case "service" -> incident.service;
            case "severity" -> incident.severity;
            case "labels" -> incident.labels == null ? Map.of() : incident.labels;
            case "assigneeId" -> incident.assigneeId;
            case "startedAt" -> incident.startedAt;
            default -> throw new IllegalStateException(field);
        };
    }

    @SuppressWarnings("unchecked")
    private static void set(Incident incident, String field, Object value) {
        switch (field) {
            case "title" -> incident.title = (String) value;
            case "description" -> incident.description = (String) value;
            case "service" -> incident.service = (String) value;
            case "severity" -> incident.severity = (Severity) value;
            case "labels" -> incident.labels = (Map<String, String>) value;
            case "assigneeId" -> incident.assigneeId = (UUID) value;
            case "startedAt" -> incident.startedAt = (Instant) value;
            default -> throw new IllegalStateException(field);
        }
    }
}

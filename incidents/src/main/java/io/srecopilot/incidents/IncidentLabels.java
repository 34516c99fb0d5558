package io.srecopilot.incidents;

import io.srecopilot.platform.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Labels people and alerts put on incidents: Prometheus-style keys, short values, not too many. */
public final class IncidentLabels {

    public static final int MAX_LABELS = 50;
    public static final int MAX_VALUE_LENGTH = 500;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.\\-/]{0,99}");

    private IncidentLabels() {
    }

    /** Everything wrong with {@code labels}, each error naming {@code field.key}. */
    public static List<FieldError> errors(String field, Map<String, String> labels) {
        List<FieldError> errors = new ArrayList<>();
        if (labels == null) {
            return errors;
        }
        if (labels.size() > MAX_LABELS) {
            errors.add(new FieldError(field, "has more than " + MAX_LABELS + " labels"));
        }
        labels.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                errors.add(new FieldError(field + "." + key,
                        "is not a label name (a letter or _ then letters, digits, _ . - /, at most 100)"));
            } else if (value == null || value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(field + "." + key, "must be a text of at most " + MAX_VALUE_LENGTH + " characters"));
            }
        });
        return errors;
    }
}

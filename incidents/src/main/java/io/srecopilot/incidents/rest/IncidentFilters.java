package io.srecopilot.incidents.rest;

import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.repository.IncidentQuery;
import io.srecopilot.incidents.repository.IncidentSort;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Cursor;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.security.Caller;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The list's query parameters. {@code state}, {@code severity} and {@code label} repeat or take
 * comma-separated values ({@code label=env:prod}); {@code from}/{@code to} bound {@code detectedAt}.
 */
public class IncidentFilters {

    @QueryParam("state")
    List<String> states;
    @QueryParam("severity")
    List<String> severities;
    @QueryParam("service")
    String service;
    @QueryParam("label")
    List<String> labels;
    @QueryParam("q")
    String text;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;
    @QueryParam("sort")
    String sort;
    @QueryParam("cursor")
    String cursor;

    /** @throws ProblemException a 400 naming every parameter that is wrong */
    IncidentQuery toQuery(Caller caller, int limit) {
        List<FieldError> errors = new ArrayList<>();
        Set<IncidentState> stateSet = parseAll("state", states, value -> IncidentState.valueOf(value.toUpperCase(Locale.ROOT)),
                IncidentState.class, errors);
        Set<Severity> severitySet = parseAll("severity", severities, Severity::of, Severity.class, errors);
        Map<String, String> labelMap = labels(errors);
        Instant detectedFrom = QueryInstants.parse("from", from, null, errors);
        Instant detectedTo = QueryInstants.parse("to", to, null, errors);
        IncidentSort order = sort == null || sort.isBlank() ? IncidentSort.NEWEST_DETECTED : IncidentSort.ofParameter(sort);
        if (order == null) {
            errors.add(new FieldError("sort", "must be one of " + IncidentSort.parameters()));
        }
        if (text != null && text.length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The list's parameters are not valid", errors);
        }
        return new IncidentQuery(caller.tenantId(), caller.projectId(), stateSet, severitySet, blankToNull(service),
                labelMap, blankToNull(text), detectedFrom, detectedTo, order, Cursor.decode(cursor), limit + 1);
    }

    private static <E extends Enum<E>> Set<E> parseAll(String field, List<String> raw, Function<String, E> parse,
            Class<E> type, List<FieldError> errors) {
        Set<E> parsed = EnumSet.noneOf(type);
        for (String value : split(raw)) {
            try {
                parsed.add(parse.apply(value));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "'" + value + "' is not a " + field));
            }
        }
        return parsed;
    }

    private Map<String, String> labels(List<FieldError> errors) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String value : split(labels)) {
            int colon = value.indexOf(':');
            if (colon <= 0) {
                errors.add(new FieldError("label", "'" + value + "' is not name:value"));
            } else {
                parsed.put(value.substring(0, colon), value.substring(colon + 1));
            }
        }
        return parsed;
    }

    private static List<String> split(List<String> raw) {
        return raw == null ? List.of() : raw.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.srecopilot.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 400s that name every offending field, by its JSON path, so a client can fix all at once. */
public class ValidationProblemMappers {

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uriInfo) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        Problem problem = Problem.of(ProblemType.VALIDATION, errors.size() + " field(s) are not valid",
                ProblemResponses.instance(uriInfo));
        return ProblemResponses.of(problem.withErrors(errors));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uriInfo) {
        return unreadable(e, uriInfo);
    }

    /** Overrides Quarkus' own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uriInfo) {
        return unreadable(e, uriInfo);
    }

    static RestResponse<Problem> unreadable(JsonProcessingException e, UriInfo uriInfo) {
        Problem problem = Problem.of(ProblemType.MALFORMED_BODY, "The body is not the JSON this endpoint expects",
                ProblemResponses.instance(uriInfo));
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = problem.withErrors(List.of(new FieldError(jsonPath(mapping), "has the wrong type or format")));
        }
        return ProblemResponses.of(problem);
    }

    /** {@code create.request.alerts[0].labels} becomes {@code alerts[0].labels}. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                appendNode(path, node);
            }
        }
        if (path.isEmpty()) {
            return parameter == null ? violation.getPropertyPath().toString() : parameter;
        }
        return path.toString();
    }

    private static void appendNode(StringBuilder path, Path.Node node) {
        if (node.isInIterable()) {
            path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
        }
        if (node.getName() != null && !node.getName().startsWith("<")) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

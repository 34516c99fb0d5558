package io.srecopilot.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns domain, HTTP and unexpected failures into problem+json. Unexpected failures are logged
 * with a reference the response repeats; their message, stack and SQL never reach the caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, UriInfo uriInfo) {
        Problem problem = Problem.of(e.type(), e.getMessage(), ProblemResponses.instance(uriInfo)).withErrors(e.errors());
        RestResponse.ResponseBuilder<Problem> builder = ProblemResponses.builder(problem);
        if (e.retryAfter() != null) {
            // Whole seconds, rounded up: never tell a client to come back before it may.
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> webApplication(WebApplicationException e, UriInfo uriInfo) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return ValidationProblemMappers.unreadable(json, uriInfo);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, detail(type), ProblemResponses.instance(uriInfo), null);
        RestResponse.ResponseBuilder<Problem> builder = ProblemResponses.builder(problem);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uriInfo) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("A dependency cannot serve %s right now: %s", ProblemResponses.instance(uriInfo), e.toString());
            return problem(ProblemException.unavailable("A dependency of this service is unavailable; retry later"),
                    uriInfo);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s while serving %s", reference, ProblemResponses.instance(uriInfo));
        return ProblemResponses.of(ProblemType.INTERNAL, "Unexpected failure; reference " + reference, uriInfo);
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is served at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept this method";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This path answers application/json";
            case PAYLOAD_TOO_LARGE -> "The request body exceeds the size this endpoint accepts";
            default -> type.title();
        };
    }
}

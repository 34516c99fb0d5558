package io.srecopilot.platform.problem;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/** Builds the {@code application/problem+json} responses of the mappers. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }

    static RestResponse<Problem> of(Problem problem) {
        return builder(problem).build();
    }

    static RestResponse<Problem> of(ProblemType type, String detail, UriInfo uriInfo) {
        return of(Problem.of(type, detail, instance(uriInfo)));
    }

    /** The request path, which identifies this occurrence of the problem. */
    static String instance(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}

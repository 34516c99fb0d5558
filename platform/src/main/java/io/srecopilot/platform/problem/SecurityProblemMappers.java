package io.srecopilot.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 for a missing, invalid or expired credential and 403 for a role too low, both as
 * problem+json. Why a token was refused is logged by the JWT layer, not told to the caller.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Problem> unauthenticated(RuntimeException e, UriInfo uriInfo) {
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, "A valid access token or API key is required",
                ProblemResponses.instance(uriInfo));
        return ProblemResponses.builder(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uriInfo) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "Your role in this project does not allow this action", uriInfo);
    }
}

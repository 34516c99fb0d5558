package io.srecopilot.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problems answered before Quarkus REST sees the request, as problem+json like every other answer
 * (the HTTP layer's own are plain text). Installs the body-size gate of every API: a body that
 * declares more than {@code quarkus.http.limits.max-body-size} is refused 413 before it is read,
 * and the connection closed, since its unread rest would otherwise be taken as the next request.
 */
@ApplicationScoped
public class RouteProblems {

    /** Before Quarkus REST, its body handling, and any service's own gates. */
    public static final int BEFORE_EVERYTHING = Integer.MIN_VALUE + 100;

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public RouteProblems(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(BEFORE_EVERYTHING - 1).handler(context -> {
            if (declaredLength(context) > maxBodyBytes) {
                refuseOversized(context);
            } else {
                context.next();
            }
        });
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public void refuseOversized(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        refuse(context, ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the " + maxBodyBytes + " bytes this endpoint accepts");
    }

    public void refuse(RoutingContext context, ProblemType type, String detail) {
        Problem problem = Problem.of(type, detail, context.request().path());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem always serializes", e);
        }
        context.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

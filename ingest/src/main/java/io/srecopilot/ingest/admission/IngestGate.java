package io.srecopilot.ingest.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.srecopilot.platform.problem.Problem;
import io.srecopilot.platform.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first thing an ingest request meets, before its body is read: a declared body over the
 * limit is refused 413 and a request past the in-flight bound 503, both as problem+json (the HTTP
 * layer's own answers are plain text, which senders' logs show as noise). An HTTP/1.1 body sent in
 * chunks declares no length: it is read here, up to the limit, and refused the same way past it.
 */
@ApplicationScoped
public class IngestGate {

    /** Before Quarkus REST and its body handling. */
    private static final int BEFORE_EVERYTHING = Integer.MIN_VALUE + 100;
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final IngestAdmission admission;
    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public IngestGate(IngestAdmission admission, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.admission = admission;
        this.mapper = mapper;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        router.route("/api/v1/ingest/*").order(BEFORE_EVERYTHING).handler(this::admit)
                .handler(context -> {
                    if (isChunked(context)) {
                        chunkedBodies.handle(context);
                    } else {
                        context.next();
                    }
                })
                .failureHandler(this::refuseOversizedChunks);
    }

    private void refuseOversizedChunks(RoutingContext context) {
        if (context.statusCode() != PAYLOAD_TOO_LARGE || context.response().headWritten()) {
            context.next();
            return;
        }
        refuseOversized(context);
    }

    private void refuseOversized(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        refuse(context, ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the " + maxBodyBytes + " bytes this endpoint accepts");
    }

    private void admit(RoutingContext context) {
        if (declaredLength(context) > maxBodyBytes) {
            // The unread rest of the body would otherwise be taken as the next request.
            refuseOversized(context);
            return;
        }
        if (!admission.tryAdmit()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            refuse(context, ProblemType.UNAVAILABLE, "Ingest is at capacity; retry shortly");
            return;
        }
        context.addEndHandler(ended -> admission.release());
        context.next();
    }

    /**
     * An HTTP/1.1 body of undeclared length. HTTP/2 frames bodies itself, and Quarkus REST cannot
     * take over an HTTP/2 body that was read before it: those keep the HTTP layer's own limit.
     */
    private static boolean isChunked(RoutingContext context) {
        return context.request().version() != HttpVersion.HTTP_2
                && !context.request().headers().contains(HttpHeaders.CONTENT_LENGTH);
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
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
}

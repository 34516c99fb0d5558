package io.srecopilot.ingest.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.srecopilot.platform.problem.Problem;
import io.srecopilot.platform.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first thing an ingest request meets, before its body is read: a declared body over the
 * limit is refused 413 and a request past the in-flight bound 503, both as problem+json (the HTTP
 * layer's own answers are plain text, which senders' logs show as noise).
 */
@ApplicationScoped
public class IngestGate {

    /** Before Quarkus REST and its body handling. */
    private static final int BEFORE_EVERYTHING = Integer.MIN_VALUE + 100;
    private static final String RETRY_AFTER_SECONDS = "1";

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
        router.route("/api/v1/ingest/*").order(BEFORE_EVERYTHING).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (declaredLength(context) > maxBodyBytes) {
            // The unread rest of the body would otherwise be taken as the next request.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the " + maxBodyBytes + " bytes this endpoint accepts");
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

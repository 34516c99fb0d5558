package io.srecopilot.ingest.admission;

import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.problem.RouteProblems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The first thing an ingest request meets after platform's body-size gate, before its body is read:
 * a request past the in-flight bound is refused 503 as problem+json. An HTTP/1.1 body sent in
 * chunks declares no length, so that gate cannot judge it: it is read here, up to the limit, and
 * refused 413 the same way past it.
 */
@ApplicationScoped
public class IngestGate {

    private static final String RETRY_AFTER_SECONDS = "1";
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final IngestAdmission admission;
    private final RouteProblems problems;

    public IngestGate(IngestAdmission admission, RouteProblems problems) {
        this.admission = admission;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(problems.maxBodyBytes());
        router.route("/api/v1/ingest/*").order(RouteProblems.BEFORE_EVERYTHING).handler(this::admit)
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
        problems.refuseOversized(context);
    }

    private void admit(RoutingContext context) {
        if (!admission.tryAdmit()) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.refuse(context, ProblemType.UNAVAILABLE, "Ingest is at capacity; retry shortly");
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
}

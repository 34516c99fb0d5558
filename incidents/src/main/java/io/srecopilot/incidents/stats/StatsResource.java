package io.srecopilot.incidents.stats;

import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.QueryInstants;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.CallerContext;
import io.srecopilot.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Counts, MTTA and MTTR for the dashboard: {@code ?from=&to=} (default the last 30 days), {@code bucket=day|week}. */
@Path("/api/v1/incidents/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final Set<String> BUCKETS = Set.of("day", "week");

    private final StatsService service;
    private final CallerContext callerContext;

    public StatsResource(StatsService service, CallerContext callerContext) {
        this.service = service;
        this.callerContext = callerContext;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Uni<IncidentStats> stats(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") @DefaultValue("day") String bucket) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = QueryInstants.parse("to", to, Timestamps.now(), errors);
        Instant start = QueryInstants.parse("from", from, end == null ? null : end.minus(DEFAULT_WINDOW), errors);
        if (!BUCKETS.contains(bucket)) {
            errors.add(new FieldError("bucket", "must be day or week"));
        }
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("from", "must be before to"));
        } else if (start != null && end != null && Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            errors.add(new FieldError("from", "must be at most 366 days before to"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The window is not valid", errors);
        }
        return service.stats(callerContext.get(), start, end, bucket);
    }
}

package io.srecopilot.incidents.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.platform.domain.Severity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    private static final String NEXT_NUMBER = """
            INSERT INTO incident_number (project_id, last_number) VALUES ($1, 1)
            ON CONFLICT (project_id) DO UPDATE SET last_number = incident_number.last_number + 1
            RETURNING last_number""";

    // Correlation for one project and service runs one at a time, so two groups of the same
    // service arriving together cannot both open an incident.
    private static final String LOCK_SERVICE = "SELECT CAST(pg_advisory_xact_lock(hashtextextended(:key, 0)) AS text)";

    private static final Pattern REFERENCE = Pattern.compile("(?i)INC-(\\d{1,18})");

    private final ObjectMapper mapper;
    private final Pool pool;

    public IncidentRepository(ObjectMapper mapper, Pool pool) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** The incident, or null when it does not exist in this tenant's project. */
    @WithSession
    public Uni<Incident> findInProject(UUID tenantId, UUID projectId, UUID id) {
        return find("id = :id and tenantId = :tenantId and projectId = :projectId",
                Parameters.with("id", id).and("tenantId", tenantId).and("projectId", projectId)).firstResult();
    }

    /** The open incident of the service that last had an alert at or after {@code since}, or null. */
    @WithSession
    public Uni<Incident> findOpenForService(UUID projectId, String service, Instant since) {
        return find("projectId = :projectId and service = :service and state not in :closed and lastSignalAt >= :since"
                + " order by lastSignalAt desc",
                Parameters.with("projectId", projectId).and("service", service)
                        .and("closed", List.of(IncidentState.RESOLVED, IncidentState.LEARNED)).and("since", since))
                .firstResult();
    }

    /** Holds, until the transaction ends, the lock that serializes correlation for a project's service. */
    @WithSession
    public Uni<Void> lockCorrelation(UUID projectId, String service) {
        return getSession().chain(session -> session.createNativeQuery(LOCK_SERVICE, String.class)
                .setParameter("key", projectId + "/" + (service == null ? "" : service))
                .getSingleResult()).replaceWithVoid();
    }

    /** In the query's order; one row more than the page so the caller knows whether another page follows. */
    @WithSession
    public Uni<List<Incident>> page(IncidentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM incident WHERE tenant_id = :tenantId AND project_id = :projectId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("tenantId", query.tenantId());
        parameters.put("projectId", query.projectId());
        if (!query.states().isEmpty()) {
            sql.append(" AND state = ANY(string_to_array(CAST(:states AS text), ','))");
            parameters.put("states", query.states().stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (!query.severities().isEmpty()) {
            sql.append(" AND severity = ANY(string_to_array(CAST(:severities AS text), ','))");
            parameters.put("severities", query.severities().stream().map(Severity::value).collect(Collectors.joining(",")));
        }
        if (query.service() != null) {
            sql.append(" AND service = :service");
            parameters.put("service", query.service());
        }
        if (!query.labels().isEmpty()) {
            sql.append(" AND labels @> CAST(CAST(:labels AS text) AS jsonb)");
            parameters.put("labels", json(query.labels()));
        }
        if (query.text() != null) {
            appendTextSearch(query.text(), sql, parameters);
        }
        if (query.detectedFrom() != null) {
            sql.append(" AND detected_at >= :detectedFrom");
            parameters.put("detectedFrom", query.detectedFrom());
        }
        if (query.detectedTo() != null) {
            sql.append(" AND detected_at < :detectedTo");
            parameters.put("detectedTo", query.detectedTo());
        }
        if (query.after() != null) {
            sql.append(" AND ").append(query.sort().after());
            parameters.put("cursorAt", query.after().at());
            parameters.put("cursorId", query.after().id());
        }
        sql.append(" ORDER BY ").append(query.sort().orderBy()).append(" LIMIT ").append(query.limit());
        return getSession().chain(session -> {
            var nativeQuery = session.createNativeQuery(sql.toString(), Incident.class);
            parameters.forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        });
    }

    /**
     * The project's next incident number, taken in a statement of its own (committed at once)
     * rather than in the caller's transaction: there the counter's row lock was held to the end of
     * every opening, so a project's incidents opened one at a time however many consumers ran.
     * A number whose opening then rolls back is not used again: numbers may have gaps.
     */
    public Uni<Long> nextNumber(UUID projectId) {
        return pool.preparedQuery(NEXT_NUMBER).execute(Tuple.of(projectId))
                .map(rows -> rows.iterator().next().getLong("last_number"));
    }

    /** {@code INC-42} finds incident 42; anything else is a case-insensitive substring of title or description. */
    private static void appendTextSearch(String text, StringBuilder sql, Map<String, Object> parameters) {
        Matcher reference = REFERENCE.matcher(text.strip());
        if (reference.matches()) {
            sql.append(" AND number = :number");
            parameters.put("number", Long.parseLong(reference.group(1)));
            return;
        }
        sql.append(" AND (title ILIKE :text ESCAPE '\\' OR description ILIKE :text ESCAPE '\\')");
        parameters.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private String json(Map<String, String> labels) {
        try {
            return mapper.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Labels cannot be written as JSON", e);
        }
    }
}

package io.srecopilot.ingest.poller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ingest.integration.Integration;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The query templates of an integration; a new or changed template is due at once. */
@ApplicationScoped
public class QueryTemplateService {

    private static final int DEFAULT_BASELINE_SECONDS = 3_600;
    private static final double DEFAULT_Z = 3.5;
    private static final int DEFAULT_POINTS = 3;

    private final ChangeRecorder audited;

    public QueryTemplateService(ChangeRecorder audited) {
        this.audited = audited;
    }

    @WithSession
    public Uni<List<QueryTemplateView>> list(Caller caller, UUID integrationId) {
        return integration(caller, integrationId).chain(integration -> QueryTemplate.<QueryTemplate>find(
                "integrationId = ?1 order by name", integration.id).list())
                .map(rows -> rows.stream().map(QueryTemplateView::of).toList());
    }

    @WithTransaction
    public Uni<QueryTemplateView> create(Caller caller, UUID integrationId, QueryTemplateRequest request,
            String libraryId) {
        check(request);
        return integration(caller, integrationId).chain(integration -> {
            QueryTemplate template = new QueryTemplate();
            template.id = UUID.randomUUID();
            template.tenantId = caller.tenantId();
            template.projectId = caller.projectId();
            template.integrationId = integration.id;
            template.libraryId = libraryId;
            template.createdAt = Timestamps.now();
            apply(template, request);
            return persist(template);
        });
    }

    @WithTransaction
    public Uni<QueryTemplateView> update(Caller caller, UUID integrationId, UUID id, QueryTemplateRequest request) {
        check(request);
        return find(caller, integrationId, id).chain(template -> {
            audited.before(QueryTemplateView.of(template));
            apply(template, request);
            return persist(template);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID integrationId, UUID id) {
        return find(caller, integrationId, id).invoke(template -> audited.before(QueryTemplateView.of(template)))
                .chain(QueryTemplate::delete);
    }

    private static void check(QueryTemplateRequest request) {
        QueryTemplateRequest.DetectionRequest detection = request.detection();
        if (detection.threshold() == null && detection.anomaly() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "A template must detect something",
                    List.of(new FieldError("detection", "needs a threshold, an anomaly rule, or both")));
        }
        String serviceLabel = request.serviceLabel() == null ? "service" : request.serviceLabel();
        if (serviceLabel.equals(request.callerLabel())) {
            throw new ProblemException(ProblemType.VALIDATION, "The caller and the service are one label",
                    List.of(new FieldError("callerLabel", "must differ from serviceLabel")));
        }
    }

    private static void apply(QueryTemplate template, QueryTemplateRequest request) {
        template.name = request.name().trim();
        template.query = request.query().trim();
        template.serviceLabel = request.serviceLabel() == null ? "service" : request.serviceLabel();
        template.callerLabel = request.callerLabel();
        template.kind = request.kind();
        template.unit = request.unit();
        template.severity = request.severity() == null ? "medium" : request.severity();
        template.intervalSeconds = request.intervalSeconds();
        QueryTemplateRequest.ThresholdRequest threshold = request.detection().threshold();
        template.thresholdOperator = threshold == null ? null : threshold.operator();
        template.thresholdValue = threshold == null ? null : threshold.value();
        template.thresholdForSeconds = threshold == null ? null
                : threshold.forSeconds() == null ? 0 : threshold.forSeconds();
        QueryTemplateRequest.AnomalyRequest anomaly = request.detection().anomaly();
        template.anomalyBaselineSeconds = anomaly == null ? null
                : anomaly.baselineSeconds() == null ? DEFAULT_BASELINE_SECONDS : anomaly.baselineSeconds();
        template.anomalyZ = anomaly == null ? null : anomaly.zThreshold() == null ? DEFAULT_Z : anomaly.zThreshold();
        template.anomalyPoints = anomaly == null ? null
                : anomaly.consecutivePoints() == null ? DEFAULT_POINTS : anomaly.consecutivePoints();
        template.enabled = request.enabled() == null || request.enabled();
        template.updatedAt = Timestamps.now();
        template.nextRunAt = template.updatedAt;
        template.failures = 0;
        template.lastError = null;
    }

    private static Uni<QueryTemplateView> persist(QueryTemplate template) {
        return template.<QueryTemplate>persistAndFlush().map(QueryTemplateView::of)
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "A query template named '" + template.name + "' exists already in this project"));
    }

    private static Uni<Integration> integration(Caller caller, UUID id) {
        return Integration.<Integration>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().map(integration -> {
                    if (integration == null) {
                        throw ProblemException.notFound("integration", id);
                    }
                    return integration;
                });
    }

    private static Uni<QueryTemplate> find(Caller caller, UUID integrationId, UUID id) {
        return QueryTemplate.<QueryTemplate>find("id = ?1 and integrationId = ?2 and tenantId = ?3 and projectId = ?4",
                id, integrationId, caller.tenantId(), caller.projectId()).firstResult().map(template -> {
                    if (template == null) {
                        throw ProblemException.notFound("query template", id);
                    }
                    return template;
                });
    }
}

package io.srecopilot.ai.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.audit.ChangeRecorder;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.persistence.UniqueViolations;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A project's policies: written by admins, read by anyone in the project. */
@ApplicationScoped
public class PolicyService {

    private static final int DEFAULT_PRIORITY = 100;

    private final PolicyEvents events;
    private final ChangeRecorder audited;

    public PolicyService(PolicyEvents events, ChangeRecorder audited) {
        this.events = events;
        this.audited = audited;
    }

    @WithSession
    public Uni<List<PolicyView>> list(Caller caller) {
        return Policy.<Policy>find("tenantId = ?1 and projectId = ?2 order by priority, name", caller.tenantId(),
                caller.projectId()).list().chain(policies -> shadowRecords(caller)
                        .map(records -> policies.stream().map(policy -> PolicyView.of(policy, records.get(policy.id)))
                                .toList()));
    }

    @WithSession
    public Uni<PolicyView> get(Caller caller, UUID id) {
        return find(caller, id).chain(policy -> shadowRecords(caller)
                .map(records -> PolicyView.of(policy, records.get(policy.id))));
    }

    /** Each policy's shadowed decisions against what people did, by policy id. */
    private static Uni<Map<UUID, ShadowRecord>> shadowRecords(Caller caller) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select d.policyId, count(d), count(d.judgedAt), sum(case when d.agreed = true then 1 else 0 end)
                  from PolicyDecision d where d.tenantId = :tenantId and d.projectId = :projectId and d.mode = 'shadow'
                 group by d.policyId""", Object[].class)
                .setParameter("tenantId", caller.tenantId()).setParameter("projectId", caller.projectId())
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0],
                        row -> ShadowRecord.of(number(row[1]), number(row[2]), number(row[3])))));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @WithTransaction
    public Uni<PolicyView> create(Caller caller, PolicyRequest request) {
        Policy policy = new Policy();
        policy.id = UUID.randomUUID();
        policy.tenantId = caller.tenantId();
        policy.projectId = caller.projectId();
        policy.createdAt = Timestamps.now();
        apply(policy, request);
        return persistUnique(policy).call(saved -> events.changed(EventTypes.POLICY_CREATED, policy, caller.actor()));
    }

    @WithTransaction
    public Uni<PolicyView> update(Caller caller, UUID id, PolicyRequest request) {
        return find(caller, id).chain(policy -> {
            audited.before(PolicyView.of(policy));
            apply(policy, request);
            return persistUnique(policy).call(saved -> events.changed(EventTypes.POLICY_UPDATED, policy, caller.actor()));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return find(caller, id).invoke(policy -> audited.before(PolicyView.of(policy)))
                .call(policy -> events.changed(EventTypes.POLICY_DELETED, policy, caller.actor()))
                .chain(Policy::delete);
    }

    /** Checks a condition without saving anything, for editors. */
    public static PolicyCheck check(String condition) {
        try {
            PolicyExpression.parse(condition);
            return new PolicyCheck(true, null, null);
        } catch (PolicySyntaxException e) {
            return new PolicyCheck(false, e.getMessage(), e.position());
        }
    }

    /** {@code error} and {@code position} (0-based) when the condition cannot be read. */
    public record PolicyCheck(boolean valid, String error, Integer position) {
    }

    private static Uni<Policy> find(Caller caller, UUID id) {
        return Policy.<Policy>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().onItem().ifNull().failWith(() -> ProblemException.notFound("policy", id));
    }

    /** Everything that cannot be read is named at once, nothing is written. */
    private static void apply(Policy policy, PolicyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        PolicyCheck check = check(request.condition());
        if (!check.valid()) {
            errors.add(new FieldError("condition", check.error()));
        }
        for (int i = 0; i < request.actions().size(); i++) {
            String missing = request.actions().get(i).missingParameter();
            if (missing != null) {
                errors.add(new FieldError("actions[" + i + "]", missing));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The policy is not valid", errors);
        }
        policy.name = request.name().trim();
        policy.description = request.description();
        policy.condition = request.condition().trim();
        policy.actions = new PolicyActions(List.copyOf(request.actions()));
        // A new policy watches before it acts, unless its author says otherwise.
        policy.mode = request.mode() == null ? Policy.SHADOW : request.mode();
        policy.enabled = request.enabled() == null || request.enabled();
        policy.priority = request.priority() == null ? DEFAULT_PRIORITY : request.priority();
        policy.updatedAt = Timestamps.now();
    }

    private static Uni<PolicyView> persistUnique(Policy policy) {
        return policy.<Policy>persistAndFlush().map(PolicyView::of)
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> ProblemException.conflict(
                        "A policy named '" + policy.name + "' exists already in this project"));
    }
}

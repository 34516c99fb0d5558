package io.srecopilot.ai.feedback;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.srecopilot.ai.Hypothesis;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * People accept or reject hypotheses, one verdict each, which they may change; every verdict is
 * announced as {@code hypothesis.feedback}. What people said of a kind of hypothesis (suspect
 * service and category) is what later analyses can weigh as human validation.
 */
@ApplicationScoped
public class FeedbackService {

    private final Outbox outbox;
    private final EventCodec codec;

    public FeedbackService(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    @WithTransaction
    public Uni<FeedbackView> give(Caller caller, UUID hypothesisId, FeedbackRequest request) {
        String author = caller.actor().id();
        return hypothesis(caller, hypothesisId)
                .chain(hypothesis -> HypothesisFeedback.<HypothesisFeedback>find("hypothesisId = ?1 and authorId = ?2",
                        hypothesisId, author).firstResult().chain(existing -> {
                            HypothesisFeedback feedback = existing != null ? existing : created(caller, hypothesis);
                            feedback.verdict = request.verdict();
                            feedback.note = request.note();
                            feedback.updatedAt = Timestamps.now();
                            FeedbackView view = FeedbackView.of(feedback);
                            return feedback.persist().call(() -> outbox.append(EventEnvelope.create(EventTypes.HYPOTHESIS_FEEDBACK,
                                    caller.tenantId(), caller.projectId(), caller.actor(),
                                    new ResourceRef("hypothesis", hypothesisId.toString()),
                                    codec.toData(new Given(view, hypothesis.claim)))))
                                    .replaceWith(view);
                        }));
    }

    @WithSession
    public Uni<List<FeedbackView>> of(Caller caller, UUID hypothesisId) {
        return hypothesis(caller, hypothesisId).chain(hypothesis -> HypothesisFeedback.<HypothesisFeedback>find(
                "hypothesisId = ?1 order by updatedAt desc", hypothesisId).list())
                .map(found -> found.stream().map(FeedbackView::of).toList());
    }

    private static HypothesisFeedback created(Caller caller, Hypothesis hypothesis) {
        HypothesisFeedback feedback = new HypothesisFeedback();
        feedback.id = UUID.randomUUID();
        feedback.tenantId = caller.tenantId();
        feedback.projectId = caller.projectId();
        feedback.hypothesisId = hypothesis.id;
        feedback.incidentId = hypothesis.incidentId;
        feedback.authorId = caller.actor().id();
        feedback.suspectService = hypothesis.suspectService;
        feedback.category = hypothesis.category;
        feedback.createdAt = Timestamps.now();
        return feedback;
    }

    private static Uni<Hypothesis> hypothesis(Caller caller, UUID id) {
        return Hypothesis.<Hypothesis>find("id = ?1 and tenantId = ?2 and projectId = ?3", id, caller.tenantId(),
                caller.projectId()).firstResult().onItem().ifNull().failWith(() -> ProblemException.notFound("hypothesis", id));
    }

    /** The data of {@code hypothesis.feedback}: the verdict and the hypothesis's claim. */
    @RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
    record Given(FeedbackView feedback, String claim) {
    }
}

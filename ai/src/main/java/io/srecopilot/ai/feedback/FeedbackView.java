package io.srecopilot.ai.feedback;

import java.time.Instant;
import java.util.UUID;

public record FeedbackView(UUID id, UUID hypothesisId, UUID incidentId, String authorId, String verdict, String note,
        String suspectService, String category, Instant createdAt, Instant updatedAt) {

    static FeedbackView of(HypothesisFeedback feedback) {
        return new FeedbackView(feedback.id, feedback.hypothesisId, feedback.incidentId, feedback.authorId,
                feedback.verdict, feedback.note, feedback.suspectService, feedback.category, feedback.createdAt,
                feedback.updatedAt);
    }
}

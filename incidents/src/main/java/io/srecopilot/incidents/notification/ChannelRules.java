package io.srecopilot.incidents.notification;

import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;

/** What a channel needs beyond field formats: a target fitting its type, safe URLs, known event types. */
final class ChannelRules {

    private ChannelRules() {
    }

    /** @throws ProblemException a 400 naming every field that is wrong */
    static void check(ChannelRequest request, TargetGuard guard) {
        List<FieldError> errors = new ArrayList<>();
        if (request.type() == ChannelType.EMAIL) {
            if (request.to() == null || request.to().isEmpty()) {
                errors.add(new FieldError("to", "must name at least one address for an e-mail channel"));
            }
            if (request.url() != null) {
                errors.add(new FieldError("url", "is not used by e-mail channels; use to"));
            }
        } else if (request.url() == null || request.url().isBlank()) {
            errors.add(new FieldError("url", "is required for " + request.type().value() + " channels"));
        } else {
            String problem = guard.problemWith(request.url().strip());
            if (problem != null) {
                errors.add(new FieldError("url", problem));
            }
        }
        if (request.secret() != null && request.type() != ChannelType.WEBHOOK) {
            errors.add(new FieldError("secret", "only webhooks are signed"));
        }
        if (request.routing() != null && request.routing().events() != null) {
            request.routing().events().stream().filter(event -> !Routing.EVENT_TYPES.contains(event))
                    .forEach(event -> errors.add(new FieldError("routing.events", "'" + event + "' is not one of "
                            + String.join(", ", Routing.EVENT_TYPES.stream().sorted().toList()))));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The channel is not valid", errors);
        }
    }
}

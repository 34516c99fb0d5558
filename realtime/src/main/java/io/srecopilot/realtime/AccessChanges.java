package io.srecopilot.realtime;

import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;

/**
 * A ticket is checked when a connection opens; what it allowed can end later. When a user signs
 * out, leaves or is removed from a project, or gets another role there, this replica closes their
 * connections (code {@value LiveConnection#ACCESS_CHANGED}) as soon as the event arrives: the UI
 * asks for a new ticket, which auth issues from the membership as it is now, or not at all.
 */
@ApplicationScoped
class AccessChanges {

    private static final Set<String> IN_ONE_PROJECT = Set.of(EventTypes.MEMBER_REMOVED, EventTypes.MEMBER_LEFT,
            EventTypes.MEMBER_ROLE_CHANGED);

    private final ProjectConnections connections;

    AccessChanges(ProjectConnections connections) {
        this.connections = connections;
    }

    void apply(EventEnvelope event) {
        String userId = event.data() == null ? null : event.data().path("userId").asText(null);
        if (userId == null || event.tenantId() == null) {
            return;
        }
        if (IN_ONE_PROJECT.contains(event.type()) && event.projectId() != null) {
            close(connections.of(event.tenantId(), event.projectId()), userId, event.type());
        } else if (EventTypes.USER_LOGOUT.equals(event.type())) {
            close(connections.ofTenant(event.tenantId()), userId, event.type());
        }
    }

    private static void close(Collection<LiveConnection> candidates, String userId, String why) {
        candidates.stream().filter(connection -> userId.equals(connection.userId()))
                .forEach(connection -> connection.closeBecauseAccessChanged(why));
    }
}

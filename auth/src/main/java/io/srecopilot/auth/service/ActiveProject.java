package io.srecopilot.auth.service;

import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.security.Caller;
import java.util.UUID;

/**
 * A project is managed from inside it: paths naming a project act only on the token's active
 * project, whose role the token carries. Any other project id is answered as not found.
 */
final class ActiveProject {

    private ActiveProject() {
    }

    static void require(Caller caller, UUID projectId) {
        if (!caller.projectId().equals(projectId)) {
            throw ProblemException.notFound("project", projectId);
        }
    }
}

package io.srecopilot.ingest.integration;

import io.srecopilot.platform.net.TargetGuard;
import io.srecopilot.platform.problem.FieldError;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an integration request must satisfy beyond its field constraints, all faults at once. */
final class IntegrationRules {

    /** Headers the client sets itself, or that would smuggle credentials past {@code auth}. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length",
            "connection", "transfer-encoding", "proxy-authorization", "cookie", "upgrade");

    private IntegrationRules() {
    }

    /** {@code existing}: the stored integration on update (its secrets may be kept), null on create. */
    static void check(IntegrationRequest request, Integration existing, TargetGuard guard) {
        List<FieldError> errors = new ArrayList<>();
        String urlProblem = guard.problemWith(request.url());
        if (urlProblem != null) {
            errors.add(new FieldError("url", urlProblem));
        }
        if (request.alertmanagerUrl() != null && !request.alertmanagerUrl().isBlank()) {
            String problem = guard.problemWith(request.alertmanagerUrl());
            if (problem != null) {
                errors.add(new FieldError("alertmanagerUrl", problem));
            }
        }
        if (request.headers() != null) {
            request.headers().keySet().stream().filter(name -> RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT)))
                    .forEach(name -> errors.add(new FieldError("headers." + name,
                            "is set by SRE Copilot itself; use auth for credentials")));
        }
        checkAuth(request.auth(), existing, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) are not valid", errors);
        }
    }

    private static void checkAuth(IntegrationRequest.Auth auth, Integration existing, List<FieldError> errors) {
        String type = auth == null ? "none" : auth.type();
        boolean keepsSecret = existing != null && type.equals(existing.authType) && existing.sealedSecrets != null;
        if ("bearer".equals(type) && blank(auth.token()) && !keepsSecret) {
            errors.add(new FieldError("auth.token", "is required for bearer authentication"));
        }
        if ("basic".equals(type)) {
            if (blank(auth.username())) {
                errors.add(new FieldError("auth.username", "is required for basic authentication"));
            }
            if (blank(auth.password()) && !keepsSecret) {
                errors.add(new FieldError("auth.password", "is required for basic authentication"));
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

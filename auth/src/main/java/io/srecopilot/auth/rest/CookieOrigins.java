package io.srecopilot.auth.rest;

import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The endpoints the session cookie works on (refresh, logout) answer only pages of the UI's own
 * origins. SameSite=Strict already keeps the cookie off other sites' requests; this holds where a
 * browser or a proxy does not honour it. Requests without an Origin (not from a browser page) pass:
 * they carry no cookie a browser attached on their behalf.
 */
@ApplicationScoped
public class CookieOrigins {

    private final Set<String> allowed;

    public CookieOrigins(AuthConfig config) {
        this.allowed = config.cookieOrigins().stream().map(CookieOrigins::normalised).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @throws ProblemException 403 when a page of another origin sent the request */
    public void check(String origin) {
        if (origin != null && !allowed.contains(normalised(origin))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "The session cookie is accepted from the UI's origin only, not from " + origin);
        }
    }

    private static String normalised(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

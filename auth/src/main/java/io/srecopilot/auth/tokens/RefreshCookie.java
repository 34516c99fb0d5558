package io.srecopilot.auth.tokens;

import io.srecopilot.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * The refresh token travels only in this cookie: HttpOnly (no script reads it), SameSite=Strict
 * (no other site sends it) and scoped to the auth paths.
 */
@ApplicationScoped
public class RefreshCookie {

    public static final String NAME = "sre_refresh";
    private static final String PATH = "/api/v1/auth";

    private final AuthConfig config;

    public RefreshCookie(AuthConfig config) {
        this.config = config;
    }

    public NewCookie of(String token) {
        return build(token, (int) config.refreshTokenLifetime().toSeconds());
    }

    public NewCookie cleared() {
        return build("", 0);
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path(PATH).maxAge(maxAge).httpOnly(true)
                .secure(config.refreshCookie().secure()).sameSite(NewCookie.SameSite.STRICT).build();
    }
}

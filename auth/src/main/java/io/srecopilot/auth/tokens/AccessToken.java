package io.srecopilot.auth.tokens;

/** A signed access token and its lifetime in seconds, as clients receive it. */
public record AccessToken(String accessToken, long expiresIn) {
}

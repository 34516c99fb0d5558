package io.srecopilot.platform.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented as a bearer token. */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

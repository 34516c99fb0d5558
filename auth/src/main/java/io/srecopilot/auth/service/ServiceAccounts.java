package io.srecopilot.auth.service;

import io.srecopilot.auth.config.AuthConfig;
import io.srecopilot.platform.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured service accounts; a client proves itself with its secret (compared in constant time). */
@ApplicationScoped
public class ServiceAccounts {

    private static final int MIN_SECRET_LENGTH = 32;

    private final Map<String, AuthConfig.ServiceAccount> accounts;

    public ServiceAccounts(AuthConfig config) {
        this.accounts = config.serviceAccounts();
    }

    /** A service account that proved itself: its name and the scopes its tokens may carry. */
    public record Account(String name, List<String> scopes) {
    }

    /** The account when id and secret match an enabled one. */
    public Optional<Account> authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        Optional<String> secret = Optional.ofNullable(accounts.get(clientId))
                .flatMap(AuthConfig.ServiceAccount::secret)
                .filter(configured -> configured.length() >= MIN_SECRET_LENGTH);
        // Compare hashes, so neither the length nor the content of the secret shows in the timing.
        boolean matches = MessageDigest.isEqual(Hashes.sha256(secret.orElse("")), Hashes.sha256(clientSecret));
        return secret.isPresent() && matches
                ? Optional.of(new Account(clientId, List.copyOf(accounts.get(clientId).scopes()))) : Optional.empty();
    }
}

package io.srecopilot.ingest.apikey;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.security.ApiKeyFormat;
import io.srecopilot.platform.security.CallerAttributes;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.Set;

/**
 * Proves an API key against ingest's replica of auth's keys: found by prefix, not revoked, and
 * matching hash. The identity carries the key's project and its scopes as roles.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private static final String FIND = """
            SELECT id, tenant_id, project_id, key_hash, scopes FROM api_key WHERE prefix = $1 AND revoked_at IS NULL""";

    private final Pool pool;

    public ApiKeyIdentityProvider(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        String prefix = ApiKeyFormat.prefixOf(request.key()).orElse(null);
        if (prefix == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Malformed API key"));
        }
        return pool.preparedQuery(FIND).execute(Tuple.of(prefix)).map(rows -> {
            Iterator<Row> found = rows.iterator();
            Row row = found.hasNext() ? found.next() : null;
            if (row == null || !ApiKeyFormat.matches(request.key(), row.getString("key_hash"))) {
                throw new AuthenticationFailedException("Unknown or revoked API key");
            }
            return identity(row);
        });
    }

    private static SecurityIdentity identity(Row row) {
        String keyId = row.getUUID("id").toString();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("apikey:" + keyId))
                .addRoles(Set.of(row.getArrayOfStrings("scopes")))
                .addAttribute(CallerAttributes.TENANT_ID, row.getUUID("tenant_id").toString())
                .addAttribute(CallerAttributes.PROJECT_ID, row.getUUID("project_id").toString())
                .addAttribute(CallerAttributes.ACTOR_TYPE, ActorType.APIKEY.value())
                .addAttribute(CallerAttributes.ACTOR_ID, keyId)
                .build();
    }
}

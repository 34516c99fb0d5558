package io.srecopilot.platform.net;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for login throttling and the audit trail. Behind proxies the
 * peer is the last proxy, and X-Forwarded-For lists the hops each proxy saw, the nearest last;
 * anything left of a hop the client chose itself. So the list is read from the right, past the
 * proxies this deployment trusts ({@code sre.http.trusted-proxies}, CIDRs), and the first address
 * that is not one of them is the client. A client's forged header then buys nothing: its own address
 * is appended after whatever it wrote. With no trusted proxies the peer is the client.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;

    @Inject
    public ClientAddresses(@ConfigProperty(name = "sre.http.trusted-proxies") Optional<List<String>> trustedProxies) {
        this(trustedProxies.orElse(List.of()).stream().filter(entry -> !entry.isBlank()).map(Cidr::parse).toList());
    }

    public ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return of(peer, http.headers().getAll(FORWARDED_FOR));
    }

    /** @param forwardedFor every X-Forwarded-For header in order (a proxy may add its own header) */
    public String of(String peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        String client = peer;
        List<String> hops = forwardedFor.stream().flatMap(header -> List.of(header.split(",")).stream())
                .map(String::trim).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Cidr.literal(hop) == null) {
                return client; // not an address: written by the client, so the hop to its right is the client
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = Cidr.literal(address);
        return parsed != null && trustedProxies.stream().anyMatch(block -> block.contains(parsed));
    }
}

package io.srecopilot.platform.net;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps URLs that users give (notification targets, Prometheus integrations) from reaching inside
 * the platform (SSRF): only http(s) URLs without credentials, never unspecified or multicast
 * addresses, and, unless the {@link TargetPolicy} allows them or lists them, no link-local addresses
 * (which include cloud metadata endpoints) or metadata host names, loopback, private or reserved
 * ones ({@link SpecialAddresses}, IPv4 carried inside IPv6 included). Host names
 * are checked when the URL is saved and resolved again, every address checked, right before each
 * request, which then goes to the checked address. Each service makes one with its own policy.
 */
public class TargetGuard {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal");

    private final TargetPolicy policy;
    private final Vertx vertx;
    private final Resolver resolver;

    /** Looks names up (blocking); the system resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] addressesOf(String host) throws UnknownHostException;
    }

    public TargetGuard(TargetPolicy policy, Vertx vertx) {
        this(policy, vertx, InetAddress::getAllByName);
    }

    public TargetGuard(TargetPolicy policy, Vertx vertx, Resolver resolver) {
        this.policy = policy;
        this.vertx = vertx;
        this.resolver = resolver;
    }

    /** @return why the URL may not be a target, or null when it may (its host is resolved later) */
    public String problemWith(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host) && !policy.allowLinkLocal()) {
            return "must not target a cloud metadata service";
        }
        boolean loopbackName = host.equals("localhost") || host.endsWith(".localhost");
        if (loopbackName && !policy.allowLoopback() && !policy.isAllowedHost(host)) {
            return "must not target this machine (loopback)";
        }
        InetAddress literal = Cidr.literal(host);
        return literal == null ? null : problemWith(literal);
    }

    /** Resolves the URL's host and answers the address to connect to; fails when any address is forbidden. */
    public Uni<InetAddress> resolve(URI url) {
        String problem = problemWith(url.toString());
        if (problem != null) {
            return Uni.createFrom().failure(new UnsafeTargetException("Target " + problem));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            InetAddress[] addresses;
            try {
                addresses = resolver.addressesOf(url.getHost());
            } catch (UnknownHostException e) {
                throw new IllegalStateException("Unknown host " + url.getHost(), e);
            }
            boolean hostAllowed = policy.isAllowedHost(url.getHost());
            for (InetAddress address : addresses) {
                String forbidden = problemWith(address, hostAllowed);
                if (forbidden != null) {
                    throw new UnsafeTargetException(url.getHost() + " resolves to " + address.getHostAddress()
                            + ", which " + forbidden.replaceFirst("^must", "a target must"));
                }
            }
            return addresses[0];
        }), false);
    }

    /** @return why the address is forbidden, or null */
    public String problemWith(InetAddress address) {
        return problemWith(address, false);
    }

    /** Whether the address is globally reachable, so what it answers may be shown to the user who named it. */
    public static boolean isPublic(InetAddress address) {
        return SpecialAddresses.kindOf(address) == AddressKind.PUBLIC;
    }

    /**
     * @param hostAllowed whether the address is what an allowlisted host name resolved to, which
     *        may then be private or loopback (never link-local: a name must not reach the metadata endpoint)
     */
    private String problemWith(InetAddress address, boolean hostAllowed) {
        AddressKind kind = SpecialAddresses.kindOf(address);
        if (kind == AddressKind.UNSPECIFIED || kind == AddressKind.MULTICAST) {
            return "must not target an unspecified or multicast address";
        }
        if (kind == AddressKind.PUBLIC || policy.isInAllowedBlock(address)) {
            return null;
        }
        return switch (kind) {
            case LINK_LOCAL -> policy.allowLinkLocal() ? null : "must not target a link-local or metadata address";
            case LOOPBACK -> policy.allowLoopback() || hostAllowed ? null : "must not target this machine (loopback)";
            case PRIVATE -> policy.allowPrivateNetworks() || hostAllowed ? null : "must not target a private network";
            default -> "must not target a reserved address (documentation, benchmarking or special-purpose)";
        };
    }
}

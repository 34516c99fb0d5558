package io.srecopilot.platform.net;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps URLs that users give (notification targets, Prometheus integrations) from reaching inside
 * the platform (SSRF): only http(s) URLs without credentials, never unspecified or multicast
 * addresses, and, unless the {@link TargetPolicy} allows them, no link-local addresses (which
 * include cloud metadata endpoints) or metadata host names, loopback or private ones. Host names
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
        if (!policy.allowLoopback() && (host.equals("localhost") || host.endsWith(".localhost"))) {
            return "must not target this machine (loopback)";
        }
        InetAddress literal = literalAddress(host);
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
            for (InetAddress address : addresses) {
                String forbidden = problemWith(address);
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
        InetAddress effective = unmapped(address);
        if ((effective.isLinkLocalAddress() || isAwsIpv6Metadata(effective)) && !policy.allowLinkLocal()) {
            return "must not target a link-local or metadata address";
        }
        if (effective.isAnyLocalAddress() || effective.isMulticastAddress() || isZeroNetwork(effective)) {
            return "must not target an unspecified or multicast address";
        }
        if (effective.isLoopbackAddress() && !policy.allowLoopback()) {
            return "must not target this machine (loopback)";
        }
        if (isPrivate(effective) && !policy.allowPrivateNetworks()) {
            return "must not target a private network";
        }
        return null;
    }

    private static InetAddress literalAddress(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean looksLiteral = bare.contains(":") || bare.matches("[0-9.]+");
        if (!looksLiteral) {
            return null;
        }
        try {
            return InetAddress.getByName(bare); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** ::ffff:169.254.169.254 is 169.254.169.254. */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            boolean mapped = Arrays.equals(Arrays.copyOfRange(bytes, 0, 10), new byte[10])
                    && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    private static boolean isZeroNetwork(InetAddress address) {
        return address instanceof Inet4Address && address.getAddress()[0] == 0;
    }

    /** fd00:ec2::254, AWS's IPv6 instance metadata address. */
    private static boolean isAwsIpv6Metadata(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address && (bytes[0] & 0xff) == 0xfd && bytes[1] == 0 && (bytes[2] & 0xff) == 0x0e
                && (bytes[3] & 0xff) == 0xc2 && (bytes[15] & 0xff) == 0x54 && bytes[14] == 0x02;
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
                    || (first == 100 && second >= 64 && second <= 127);
        }
        return (bytes[0] & 0xfe) == 0xfc;
    }
}

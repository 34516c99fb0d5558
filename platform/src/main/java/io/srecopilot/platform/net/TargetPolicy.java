package io.srecopilot.platform.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which kinds of address a service may reach on a user's behalf. By default only public addresses;
 * a deployment names what else its users may reach (the in-cluster Prometheus, say) in an
 * allowlist of host names and address blocks rather than opening every private network.
 * Link-local addresses include the cloud metadata endpoints, so allowing them is for test rigs only.
 *
 * @param allowedHosts host names (lower case) whose addresses may be private or loopback
 * @param allowedBlocks address blocks that may be reached whatever their kind (never unspecified or multicast)
 */
public record TargetPolicy(boolean allowLoopback, boolean allowPrivateNetworks, boolean allowLinkLocal,
        Set<String> allowedHosts, List<Cidr> allowedBlocks) {

    public TargetPolicy {
        allowedHosts = Set.copyOf(allowedHosts);
        allowedBlocks = List.copyOf(allowedBlocks);
    }

    public TargetPolicy(boolean allowLoopback, boolean allowPrivateNetworks, boolean allowLinkLocal) {
        this(allowLoopback, allowPrivateNetworks, allowLinkLocal, Set.of(), List.of());
    }

    /**
     * @param allowedTargets host names and address blocks ({@code prometheus.monitoring.svc}, {@code 10.96.0.0/12})
     * @throws IllegalArgumentException on an entry that is neither
     */
    public static TargetPolicy of(boolean allowLoopback, boolean allowPrivateNetworks, boolean allowLinkLocal,
            List<String> allowedTargets) {
        Set<String> hosts = new HashSet<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String target : allowedTargets) {
            String entry = target.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (Cidr.looksLikeLiteral(entry)) {
                blocks.add(Cidr.parse(entry));
            } else if (entry.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                hosts.add(entry);
            } else {
                throw new IllegalArgumentException(target + " is neither a host name nor an address block");
            }
        }
        return new TargetPolicy(allowLoopback, allowPrivateNetworks, allowLinkLocal, hosts, blocks);
    }

    boolean isAllowedHost(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean isInAllowedBlock(InetAddress address) {
        return allowedBlocks.stream().anyMatch(block -> block.contains(address)
                || block.contains(SpecialAddresses.carriedIpv4(address)));
    }
}

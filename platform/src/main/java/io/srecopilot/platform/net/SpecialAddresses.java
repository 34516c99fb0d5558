package io.srecopilot.platform.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classifies addresses by IANA's special-purpose registries (IPv4 and IPv6, as of 2025). IPv6
 * forms that carry an IPv4 address inside (mapped, IPv4-compatible, NAT64, 6to4) are classified by
 * the address they carry, so {@code [64:ff9b::a9fe:a9fe]} is the metadata endpoint it translates to.
 */
public final class SpecialAddresses {

    private static final Map<Cidr, AddressKind> BLOCKS = new LinkedHashMap<>();

    static {
        // IPv4 (RFC 6890 and its updates)
        block("0.0.0.0/8", AddressKind.UNSPECIFIED);
        block("10.0.0.0/8", AddressKind.PRIVATE);
        block("100.64.0.0/10", AddressKind.PRIVATE); // shared address space (carrier-grade NAT)
        block("127.0.0.0/8", AddressKind.LOOPBACK);
        block("169.254.0.0/16", AddressKind.LINK_LOCAL);
        block("172.16.0.0/12", AddressKind.PRIVATE);
        block("192.0.0.0/24", AddressKind.RESERVED); // IETF protocol assignments
        block("192.0.2.0/24", AddressKind.RESERVED); // documentation (TEST-NET-1)
        block("192.31.196.0/24", AddressKind.RESERVED); // AS112
        block("192.52.193.0/24", AddressKind.RESERVED); // AMT
        block("192.88.99.0/24", AddressKind.RESERVED); // deprecated 6to4 relay anycast
        block("192.168.0.0/16", AddressKind.PRIVATE);
        block("192.175.48.0/24", AddressKind.RESERVED); // AS112 direct delegation
        block("198.18.0.0/15", AddressKind.RESERVED); // benchmarking
        block("198.51.100.0/24", AddressKind.RESERVED); // documentation (TEST-NET-2)
        block("203.0.113.0/24", AddressKind.RESERVED); // documentation (TEST-NET-3)
        block("224.0.0.0/4", AddressKind.MULTICAST);
        block("240.0.0.0/4", AddressKind.RESERVED); // reserved, with 255.255.255.255 broadcast
        // IPv6 (RFC 6890 and its updates); the forms carrying IPv4 are unwrapped before these.
        block("::/128", AddressKind.UNSPECIFIED);
        block("::1/128", AddressKind.LOOPBACK);
        block("64:ff9b:1::/48", AddressKind.PRIVATE); // local-use IPv4/IPv6 translation
        block("100::/64", AddressKind.RESERVED); // discard-only
        block("100:0:0:1::/64", AddressKind.RESERVED); // dummy prefix
        block("2001::/23", AddressKind.RESERVED); // IETF protocol assignments: Teredo, ORCHID, benchmarking
        block("2001:db8::/32", AddressKind.RESERVED); // documentation
        block("3fff::/20", AddressKind.RESERVED); // documentation
        block("5f00::/16", AddressKind.RESERVED); // segment routing SIDs
        block("fd00:ec2::254/128", AddressKind.LINK_LOCAL); // AWS's IPv6 instance metadata, inside fc00::/7
        block("fc00::/7", AddressKind.PRIVATE); // unique local
        block("fe80::/10", AddressKind.LINK_LOCAL);
        block("fec0::/10", AddressKind.PRIVATE); // deprecated site-local, still routed inside some sites
        block("ff00::/8", AddressKind.MULTICAST);
    }

    private SpecialAddresses() {
    }

    private static void block(String cidr, AddressKind kind) {
        BLOCKS.put(Cidr.parse(cidr), kind);
    }

    /** The first matching block wins: narrower blocks are listed before the wider ones they sit in. */
    public static AddressKind kindOf(InetAddress address) {
        InetAddress effective = carriedIpv4(address);
        for (Map.Entry<Cidr, AddressKind> block : BLOCKS.entrySet()) {
            if (block.getKey().contains(effective)) {
                return block.getValue();
            }
        }
        return AddressKind.PUBLIC;
    }

    /**
     * The IPv4 address an IPv6 one stands for: ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated),
     * ::a.b.c.d (the deprecated IPv4-compatible form), 64:ff9b::a.b.c.d (NAT64) and
     * 2002:aabb:ccdd:: (6to4); any other address is itself.
     */
    public static InetAddress carriedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        if (startsWith(bytes, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00)) {
            boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !isUnspecifiedOrLoopback(bytes);
            if (mapped || compatible) {
                return ipv4(bytes, 12);
            }
        }
        if (startsWith(bytes, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00)) {
            return ipv4(bytes, 12);
        }
        if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00)) {
            return ipv4(bytes, 12);
        }
        if (startsWith(bytes, 0x20, 0x02)) {
            return ipv4(bytes, 2);
        }
        return address;
    }

    private static boolean isUnspecifiedOrLoopback(byte[] bytes) {
        return Arrays.equals(bytes, 0, 15, new byte[15], 0, 15) && (bytes[15] == 0 || bytes[15] == 1);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}

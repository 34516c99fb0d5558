package io.srecopilot.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An address block such as {@code 10.20.0.0/16} or {@code fd00::/8}; an address alone is a block of one. */
public final class Cidr {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not an address literal with an optional prefix length */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress literal = literal(address);
        if (literal == null) {
            throw new IllegalArgumentException(text + " is not an address block");
        }
        byte[] bytes = literal.getAddress();
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + " has no valid prefix length", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(text + " has a prefix length outside 0.." + bits);
        }
        return new Cidr(bytes, prefix, trimmed);
    }

    /** Whether the text is meant as an address block rather than a host name. */
    public static boolean looksLikeLiteral(String text) {
        String bare = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
        return bare.contains(":") || bare.matches("[0-9.]+");
    }

    /**
     * The address an IP literal (bracketed IPv6 too) stands for, parsed and never looked up; null
     * for a host name or anything else.
     */
    public static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (bare.isEmpty() || !looksLikeLiteral(bare) || bare.contains("/")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}

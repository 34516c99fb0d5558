package io.srecopilot.platform.net;

/** What an address is for, after IANA's IPv4 and IPv6 special-purpose address registries. */
public enum AddressKind {
    /** Globally reachable: the only kind a user's URL may reach by default. */
    PUBLIC,
    LOOPBACK,
    /** Private, shared (carrier-grade NAT), unique-local and site-local networks: inside some organisation. */
    PRIVATE,
    /** Link-local, which holds the cloud metadata endpoints. */
    LINK_LOCAL,
    /** "This network" and the unspecified address: connecting to them reaches this machine. */
    UNSPECIFIED,
    MULTICAST,
    /** Documentation, benchmarking, protocol assignments, reserved and broadcast: no webhook lives there. */
    RESERVED
}

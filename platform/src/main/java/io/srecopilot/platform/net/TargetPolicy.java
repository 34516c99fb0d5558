package io.srecopilot.platform.net;

/**
 * Which kinds of address a service may reach on a user's behalf. Link-local addresses include
 * the cloud metadata endpoints, so allowing them is for test rigs only.
 */
public record TargetPolicy(boolean allowLoopback, boolean allowPrivateNetworks, boolean allowLinkLocal) {
}

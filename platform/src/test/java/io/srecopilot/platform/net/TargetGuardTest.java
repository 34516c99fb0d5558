package io.srecopilot.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The SSRF rules with production settings: public addresses only, unless a deployment lists more. */
class TargetGuardTest {

    private static final Vertx VERTX = Vertx.vertx();

    private final TargetGuard production = new TargetGuard(config(false, false), VERTX);
    private final TargetGuard privateAllowed = new TargetGuard(config(false, true), VERTX);

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    @Test
    void refusesLoopbackLinkLocalMetadataAndUnspecifiedTargets() {
        for (String url : List.of("http://127.0.0.1/", "http://127.8.9.1:8080/x", "http://[::1]/", "http://localhost/",
                "http://api.localhost/", "http://169.254.169.254/latest", "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/",
                "http://metadata.google.internal/", "http://224.0.0.1/", "gopher://example.com/", "file:///etc/passwd",
                "http://u:p@example.com/")) {
            assertNotNull(production.problemWith(url), url + " must be refused");
        }
    }

    @Test
    void allowsPublicTargetsAndPrivateOnesOnlyWhereConfigured() {
        assertNull(production.problemWith("https://hooks.slack.com/services/T0/B0/x"));
        assertNull(production.problemWith("https://93.184.216.34/hook"));
        assertNull(production.problemWith("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"));
        for (String url : List.of("http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://[fd12::1]/",
                "http://100.64.0.1/", "http://[fec0::1]/", "http://[64:ff9b:1::a01:203]/")) {
            assertNotNull(production.problemWith(url), url + " is private");
            assertNull(privateAllowed.problemWith(url), url + " where private networks are allowed");
        }
    }

    @Test
    void ipv4CarriedInsideIpv6IsJudgedAsTheAddressItStandsFor() {
        for (String url : List.of("http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b::7f00:1]/", "http://[::127.0.0.1]/",
                "http://[::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/", "http://[2002:7f00:1::]/",
                "http://[::ffff:0:7f00:1]/", "http://[2002:0a00:0001::]/")) {
            assertNotNull(production.problemWith(url), url + " reaches loopback, metadata or a private network");
        }
        assertNull(production.problemWith("http://[64:ff9b::5db8:d822]/"), "NAT64 of a public address");
        assertNull(production.problemWith("http://[2002:5db8:d822::1]/"), "6to4 of a public address");
    }

    @Test
    void refusesEverySpecialPurposeRangeEvenWherePrivateNetworksAreAllowed() {
        for (String url : List.of("http://198.18.0.1/", "http://198.19.255.254/", "http://240.0.0.1/",
                "http://255.255.255.255/", "http://192.0.2.10/", "http://198.51.100.7/", "http://203.0.113.9/",
                "http://192.0.0.8/", "http://192.88.99.1/", "http://0.1.2.3/", "http://[2001:db8::1]/",
                "http://[2001::1]/", "http://[100::1]/", "http://[3fff::1]/", "http://[ff02::1]/", "http://[::]/",
                "http://[::2]/")) {
            assertNotNull(privateAllowed.problemWith(url), url + " is special-purpose");
        }
        assertNull(privateAllowed.problemWith("http://198.20.0.1/"), "just past 198.18.0.0/15");
        assertNull(privateAllowed.problemWith("http://239.255.255.255.example/"), "a name, resolved later");
    }

    @Test
    void aDeploymentsAllowlistOpensListedHostsAndBlocksOnly() throws Exception {
        InetAddress inCluster = InetAddress.getByName("10.96.4.7");
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        TargetGuard guard = new TargetGuard(TargetPolicy.of(false, false, false,
                List.of("prometheus.monitoring.svc", "10.20.0.0/16", " ")), VERTX,
                host -> switch (host) {
                    case "prometheus.monitoring.svc" -> new InetAddress[] { inCluster };
                    case "sneaky.monitoring.svc" -> new InetAddress[] { inCluster };
                    default -> new InetAddress[] { metadata };
                });

        assertNull(guard.problemWith("http://10.20.3.4:9090/"));
        assertNotNull(guard.problemWith("http://10.21.0.1:9090/"), "outside the listed block");
        assertEquals(inCluster, guard.resolve(URI.create("http://prometheus.monitoring.svc:9090/"))
                .await().atMost(Duration.ofSeconds(5)));
        assertThrows(UnsafeTargetException.class, () -> guard.resolve(URI.create("http://sneaky.monitoring.svc/"))
                .await().atMost(Duration.ofSeconds(5)), "an unlisted name with a private address");
        TargetGuard metadataByName = new TargetGuard(TargetPolicy.of(false, false, false, List.of("meta.example")),
                VERTX, host -> new InetAddress[] { metadata });
        assertThrows(UnsafeTargetException.class, () -> metadataByName.resolve(URI.create("http://meta.example/"))
                .await().atMost(Duration.ofSeconds(5)), "a listed name never reaches the metadata endpoint");
        assertThrows(IllegalArgumentException.class, () -> TargetPolicy.of(false, false, false, List.of("10.0.0.0/40")));
        assertThrows(IllegalArgumentException.class, () -> TargetPolicy.of(false, false, false, List.of("http://x/")));
    }

    @Test
    void onlyPublicAddressesCountAsPublic() throws Exception {
        assertTrue(TargetGuard.isPublic(InetAddress.getByName("93.184.216.34")));
        for (String address : List.of("10.0.0.1", "127.0.0.1", "169.254.1.1", "198.18.0.1", "::ffff:10.0.0.1", "fd00::1")) {
            assertTrue(!TargetGuard.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void linkLocalAndMetadataTargetsOnlyWhereThePolicyAllowsThem() {
        TargetGuard rig = new TargetGuard(new TargetPolicy(false, true, true), VERTX);
        assertNull(rig.problemWith("http://169.254.169.254/latest"));
        assertNull(rig.problemWith("http://metadata.google.internal/"));
        assertNotNull(rig.problemWith("http://127.0.0.1/"), "loopback stays refused");
    }

    @Test
    void aHostNameIsCheckedByEveryAddressItResolvesTo() throws Exception {
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        TargetGuard guard = new TargetGuard(config(false, false), VERTX,
                host -> host.equals("rebound.example") ? new InetAddress[] { publicAddress, metadata }
                        : new InetAddress[] { publicAddress });

        assertNull(guard.problemWith("http://rebound.example/x"), "the name itself looks harmless");
        UnsafeTargetException refused = assertThrows(UnsafeTargetException.class,
                () -> guard.resolve(URI.create("http://rebound.example/x")).await().atMost(Duration.ofSeconds(5)));
        assertTrue(refused.getMessage().contains("169.254.169.254"), refused.getMessage());
        assertEquals(publicAddress, guard.resolve(URI.create("https://fine.example/x")).await().atMost(Duration.ofSeconds(5)));
    }

    private static TargetPolicy config(boolean allowLoopback, boolean allowPrivate) {
        return new TargetPolicy(allowLoopback, allowPrivate, false);
    }
}

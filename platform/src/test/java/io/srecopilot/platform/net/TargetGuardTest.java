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

/** The SSRF rules with production settings: no loopback; private networks as configured. */
class TargetGuardTest {

    private static final Vertx VERTX = Vertx.vertx();

    private final TargetGuard production = new TargetGuard(config(false, true), VERTX);
    private final TargetGuard noPrivate = new TargetGuard(config(false, false), VERTX);

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
    void allowsPublicTargetsAndPrivateOnesUnlessConfiguredOtherwise() {
        assertNull(production.problemWith("https://hooks.slack.com/services/T0/B0/x"));
        assertNull(production.problemWith("http://10.1.2.3:9000/hook"));
        assertNull(production.problemWith("https://93.184.216.34/hook"));
        for (String url : List.of("http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://[fd12::1]/",
                "http://100.64.0.1/")) {
            assertNotNull(noPrivate.problemWith(url), url + " is private");
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
        TargetGuard guard = new TargetGuard(config(false, true), VERTX,
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

package io.srecopilot.platform.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client is the first hop, read from the right, that is not a trusted proxy. */
class ClientAddressesTest {

    private final ClientAddresses behindIngress = new ClientAddresses(List.of(Cidr.parse("10.0.0.0/8")));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.7", direct.of("203.0.113.7", List.of("198.51.100.1")));
    }

    @Test
    void aForgedHopLeftOfTheClientsOwnBuysNothing() {
        // The client wrote "1.2.3.4"; the Ingress appended the address it saw.
        assertEquals("203.0.113.7", behindIngress.of("10.1.0.5", List.of("1.2.3.4, 203.0.113.7")));
        assertEquals("203.0.113.7", behindIngress.of("10.1.0.5", List.of("1.2.3.4", "203.0.113.7")),
                "the same list split over two headers");
    }

    @Test
    void trustedHopsAreSkippedUpToTheFirstUntrustedOne() {
        // Client → CDN edge → Ingress (10.1.0.5) → UI nginx (10.2.0.9) → service.
        assertEquals("203.0.113.7", behindIngress.of("10.2.0.9", List.of("203.0.113.7, 10.1.0.5")));
        assertEquals("10.2.0.9", behindIngress.of("10.2.0.9", List.of()), "a trusted peer with no header is the client");
        assertEquals("10.3.3.3", behindIngress.of("10.2.0.9", List.of("10.3.3.3, 10.1.0.5")), "only proxies, leftmost");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalk() {
        assertEquals("10.1.0.5", behindIngress.of("10.2.0.9", List.of("evil, 10.1.0.5")));
        assertEquals("[2001:db8::1]", behindIngress.of("10.2.0.9", List.of("[2001:db8::1]")));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWithAHeader() {
        assertEquals("198.51.100.9", behindIngress.of("198.51.100.9", List.of("10.1.0.5")));
        assertEquals(null, behindIngress.of(null, List.of("10.1.0.5")));
    }
}

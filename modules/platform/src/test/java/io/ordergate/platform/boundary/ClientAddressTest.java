package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static ClientAddress trusting(String proxies) {
        var clientAddress = new ClientAddress();
        clientAddress.trustedProxies = Optional.ofNullable(proxies);
        clientAddress.parse();
        return clientAddress;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(trusting(null).of("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(trusting(" ").of("198.51.100.1", List.of("203.0.113.7"))).isEqualTo("198.51.100.1");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(trusting("127.0.0.1").of("127.0.0.1", List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotSpoofItsAddress() {
        var clientAddress = trusting("10.0.0.0/8");
        assertThat(clientAddress.of("203.0.113.7", List.of("192.0.2.1"))).isEqualTo("203.0.113.7");
        assertThat(clientAddress.of("203.0.113.7", List.of("10.0.0.5"))).isEqualTo("203.0.113.7");
    }

    @Test
    void entriesTheClientPrependedThroughATrustedProxyAreIgnored() {
        // The client sent "X-Forwarded-For: 192.0.2.1"; nginx appended the real peer 203.0.113.7.
        assertThat(trusting("127.0.0.1").of("127.0.0.1", List.of("192.0.2.1, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void severalTrustedHopsArePassed() {
        var clientAddress = trusting("127.0.0.1, 10.1.0.0/16");
        assertThat(clientAddress.of("127.0.0.1", List.of("192.0.2.1, 203.0.113.7, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
        assertThat(clientAddress.of("127.0.0.1", List.of("203.0.113.7", "10.1.2.3")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(trusting("10.0.0.0/8").of("10.0.0.1", List.of("10.0.0.3, 10.0.0.2")))
                .isEqualTo("10.0.0.3");
    }

    @Test
    void withoutTheHeaderAProxyIsItsOwnClient() {
        assertThat(trusting("127.0.0.1").of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheHopThatWroteIt() {
        assertThat(trusting("127.0.0.1").of("127.0.0.1", List.of("unknown"))).isEqualTo("127.0.0.1");
        assertThat(trusting("127.0.0.1").of("127.0.0.1", List.of("203.0.113.7, evil.example")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6RangesAndAddressesMatch() {
        var clientAddress = trusting("::1, fd00::/8");
        assertThat(clientAddress.of("0:0:0:0:0:0:0:1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(clientAddress.of("fd12::1", List.of("[2001:db8::8]"))).isEqualTo("[2001:db8::8]");
        assertThat(clientAddress.of("fe80::1", List.of("2001:db8::7"))).isEqualTo("fe80::1");
    }

    @Test
    void prefixBoundariesAreExact() {
        var clientAddress = trusting("172.16.0.0/12");
        assertThat(clientAddress.isTrusted("172.31.255.255")).isTrue();
        assertThat(clientAddress.isTrusted("172.32.0.0")).isFalse();
        assertThat(trusting("0.0.0.0/0").isTrusted("198.51.100.1")).isTrue();
        assertThat(trusting("0.0.0.0/0").isTrusted("::1")).isFalse();
    }

    @Test
    void aMalformedTrustedProxyStopsTheStart() {
        assertThatThrownBy(() -> trusting("nginx")).hasMessageContaining("'nginx'");
        assertThatThrownBy(() -> trusting("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> trusting("10.0.0.0/x")).hasMessageContaining("prefix");
    }
}

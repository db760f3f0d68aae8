package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlsTest {

    /** DNS names used below, answered without the network; literals go to the JVM as they would in production. */
    static final Map<String, String> DNS = Map.of(
            "partner.example", "203.0.113.10",
            "dual.example", "2001:db8::10",
            "rebound.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "v6-internal.example", "fd12:3456::1");

    static OutboundUrls strict() {
        var urls = new OutboundUrls();
        urls.resolver = host -> {
            var address = DNS.get(host);
            if (address != null) {
                return new InetAddress[] {InetAddress.getByName(address)};
            }
            if (host.equals("localhost") || host.matches("[0-9.]+") || host.startsWith("[")) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        };
        return urls;
    }

    static OutboundUrls insecure() {
        var urls = strict();
        urls.allowInsecure = true;
        return urls;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://partner.example/connect/token",
                "https://203.0.113.7",
                "https://dual.example:8443/x",
                "https://8.8.8.8/",
                "https://[2001:db8::1]/api",
                "HTTPS://partner.example"
            })
    void publicHttpsUrlsPass(String url) {
        assertThat(strict().check("'tokenUrl'", url)).hasToString(url);
    }

    @Test
    void httpIsRefusedAndTheMessageNamesTheRule() {
        assertThatThrownBy(() -> strict().check("'tokenUrl'", "http://partner.example/connect/token"))
                .isInstanceOf(OutboundUrls.Refused.class)
                .hasMessageStartingWith("'tokenUrl' must use https")
                .hasMessageContaining("ORDERGATE_OUTBOUND_ALLOW_INSECURE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/",
                "https://127.8.9.10:8443/",
                "https://localhost/",
                "https://10.0.0.1/",
                "https://172.16.0.1/",
                "https://172.31.255.255/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/",
                "https://100.127.255.254/",
                "https://0.0.0.0/",
                "https://224.0.0.1/",
                "https://239.255.255.250/",
                "https://255.255.255.255/",
                "https://[::1]/",
                "https://[::]/",
                "https://[0:0:0:0:0:0:0:1]/",
                "https://[fe80::1]/",
                "https://[febf::1]/",
                "https://[fc00::1]/",
                "https://[fd00:ec2::254]/",
                "https://[ff02::1]/",
                "https://[fec0::1]/",
                // IPv4-mapped, -compatible, NAT64 and 6to4 spellings of the same internal addresses
                "https://[::ffff:127.0.0.1]/",
                "https://[::ffff:7f00:1]/",
                "https://[0:0:0:0:0:ffff:a00:1]/",
                "https://[::ffff:169.254.169.254]/",
                "https://[::127.0.0.1]/",
                "https://[::10.0.0.1]/",
                "https://[64:ff9b::a00:1]/",
                "https://[64:ff9b:1::1]/",
                "https://[2002:7f00:1::]/",
                "https://[2002:c0a8:101::1]/",
                // names that resolve inward
                "https://rebound.example/",
                "https://metadata.example/",
                "https://v6-internal.example/"
            })
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict().check("'tokenUrl'", url))
                .isInstanceOf(OutboundUrls.Refused.class)
                .hasMessageContaining("resolves to")
                .hasMessageContaining("public addresses");
    }

    @Test
    void theMessageNamesTheKindOfAddressButNotWhatANameResolvedTo() {
        assertThatThrownBy(() -> strict().check("'orderDataUrl'", "https://rebound.example/"))
                .hasMessageStartingWith("'orderDataUrl': the host rebound.example resolves to a private address")
                .hasMessageNotContaining("10.1.2.3");
        // Java turns an IPv4-mapped literal into the IPv4 address itself
        assertThatThrownBy(() -> strict().check("x", "https://[::ffff:127.0.0.1]/"))
                .hasMessageContaining("a loopback address");
        assertThatThrownBy(() -> strict().check("x", "https://[::127.0.0.1]/"))
                .hasMessageContaining("a loopback (IPv4-compatible) address");
        assertThatThrownBy(() -> strict().check("x", "https://100.64.0.1/")).hasMessageContaining("a CGNAT address");
    }

    /**
     * How Java reads the numeric spellings curl and browsers accept: {@code URI} finds no host in
     * {@code 0x7f.1} or {@code 127.1}, {@code InetAddress} reads {@code 2130706433} as 127.0.0.1 and
     * {@code 0177.0.0.1} as decimal 177.0.0.1, where other resolvers read octal 127.0.0.1. None of
     * them is needed for a partner, so all are refused before anything resolves them.
     */
    @Test
    void numericHostSpellingsAreRefusedHoweverJavaReadsThem() throws Exception {
        assertThat(InetAddress.getByName("2130706433").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(InetAddress.getByName("0177.0.0.1").getHostAddress()).isEqualTo("177.0.0.1");
        assertThat(new java.net.URI("http://0x7f.1/").getHost()).isNull();
        assertThat(new java.net.URI("http://127.1/").getHost()).isNull();
        for (var url : new String[] {
            "https://2130706433/",
            "https://0177.0.0.1/",
            "https://017700000001/",
            "https://0/",
            "https://0x7f000001/",
            "https://10.0.0.010/"
        }) {
            assertThatThrownBy(() -> strict().check("'tokenUrl'", url))
                    .as(url)
                    .isInstanceOf(OutboundUrls.Refused.class)
                    .hasMessageContaining("numeric host");
        }
        for (var url : new String[] {"https://0x7f.1/", "https://127.1/", "https://10.0.0.1./"}) {
            assertThatThrownBy(() -> strict().check("'tokenUrl'", url))
                    .as(url)
                    .isInstanceOf(OutboundUrls.Refused.class)
                    .hasMessageContaining("with a host");
        }
    }

    @Test
    void aNameThatDoesNotResolveCannotBeCheckedAndIsRefused() {
        assertThatThrownBy(() -> strict().check("'eventApiUrl'", "https://nowhere.example/"))
                .hasMessageStartingWith("'eventApiUrl': the host nowhere.example could not be resolved");
        assertThatThrownBy(() -> strict().check("'eventApiUrl'", "https://[fe80::1%25eth0]/"))
                .isInstanceOf(OutboundUrls.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://partner.example/",
                "partner.example/token",
                "/connect/token",
                "https://user:pw@partner.example/",
                "https://partner.example/?a=b",
                "https://partner.example/#f",
                "https://partner example/",
                ""
            })
    void malformedUrlsAreRefusedEvenWhenInsecureIsAllowed(String url) {
        assertThatThrownBy(() -> insecure().check("'tokenUrl'", url)).isInstanceOf(OutboundUrls.Refused.class);
        assertThatThrownBy(() -> strict().check("'tokenUrl'", url)).isInstanceOf(OutboundUrls.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:25480/connect/token",
                "https://10.0.0.1/",
                "http://localhost:8080",
                "http://[::1]:9000/"
            })
    void allowInsecureLetsSimulatorsOnLoopbackAndPrivateNetworksThrough(String url) {
        assertThat(insecure().check("'tokenUrl'", url)).hasToString(url);
    }

    /** A resolver may still hand back the IPv6 form of a mapped address. */
    @Test
    void mappedAddressesAreJudgedByTheirIpv4Part() throws Exception {
        var mapped = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertThat(OutboundUrls.forbidden(Inet6Address.getByAddress(null, mapped, null)))
                .contains("a private (IPv4-mapped)");
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(OutboundUrls.forbidden(Inet6Address.getByAddress(null, mapped, null)))
                .isEmpty();
    }

    @Test
    void publicAddressesAreNotForbidden() throws Exception {
        for (var address : new String[] {
            "1.1.1.1",
            "172.15.255.255",
            "172.32.0.1",
            "100.63.255.255",
            "100.128.0.1",
            "169.253.1.1",
            "192.167.1.1",
            "223.255.255.255",
            "2001:4860:4860::8888",
            "2a00:1450::1",
            "2002:cb00:7101::1",
            "64:ff9b::808:808"
        }) {
            assertThat(OutboundUrls.forbidden(InetAddress.getByName(address)))
                    .as(address)
                    .isEmpty();
        }
    }
}

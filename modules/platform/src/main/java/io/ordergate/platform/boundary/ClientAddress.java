package io.ordergate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request, for throttling and the audit trail. Behind a load
 * balancer every connection comes from the balancer, so its {@code X-Forwarded-For} names the
 * client; but anyone can send that header, so it counts only when the connection comes from a
 * proxy listed in {@code ORDERGATE_TRUSTED_PROXIES} (addresses or CIDR ranges, comma-separated;
 * unset = trust nobody). Then the client is the right-most address of the header that is not a
 * trusted proxy itself: entries left of it were written by the client and may be forged.
 */
@ApplicationScoped
public class ClientAddress {

    // Only IP literals are accepted: InetAddress.getByName would resolve a host name through DNS.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject
    @ConfigProperty(name = "ordergate.trusted-proxies")
    Optional<String> trustedProxies;

    List<Range> trusted = List.of();

    @PostConstruct
    void parse() {
        trusted = parse(trustedProxies.orElse(""));
    }

    /** Creates the bean at deployment, so that a malformed list stops the start instead of every request. */
    void validate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // parse() has run when this bean was created to receive the event.
    }

    /** The client's address: the connection's peer, or what trusted proxies in front of us report. */
    public String of(HttpServletRequest request) {
        var headers = request.getHeaders("X-Forwarded-For");
        return of(request.getRemoteAddr(), headers == null ? List.of() : Collections.list(headers));
    }

    String of(String remoteAddress, List<String> forwardedForHeaders) {
        var client = remoteAddress;
        if (trusted.isEmpty()) {
            return client;
        }
        var hops = new ArrayList<String>();
        forwardedForHeaders.forEach(header -> {
            for (var hop : header.split(",")) {
                hops.add(hop.trim());
            }
        });
        // Each entry was appended by the hop to its right; it is reliable while that hop is trusted.
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            var hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hops.get(i);
        }
        return client;
    }

    boolean isTrusted(String address) {
        return literal(address)
                .map(ip -> trusted.stream().anyMatch(range -> range.contains(ip)))
                .orElse(false);
    }

    /** Parses the configured list; a malformed entry stops the start, as a silently ignored one would lock users out. */
    static List<Range> parse(String list) {
        var ranges = new ArrayList<Range>();
        for (var entry : list.split(",")) {
            var text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            var slash = text.indexOf('/');
            var address = literal(slash < 0 ? text : text.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "ORDERGATE_TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR range"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(
                            "ORDERGATE_TRUSTED_PROXIES: '" + text + "' has an invalid prefix length");
                }
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return List.copyOf(ranges);
    }

    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range: the first {@code prefix} bits of {@code network}. */
    static final class Range {

        private final byte[] network;
        private final int prefix;

        Range(byte[] network, int prefix) {
            this.network = network.clone();
            this.prefix = prefix;
        }

        boolean contains(InetAddress address) {
            var bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

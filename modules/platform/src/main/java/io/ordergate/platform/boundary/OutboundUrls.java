package io.ordergate.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rule for every URL OrderGate calls out to (a partner's token endpoint, API base URLs): an
 * absolute {@code https} URL whose host resolves only to public addresses. Without it a staff
 * member who may edit a connection could make OrderGate call into its own network (cloud metadata,
 * the database, an admin port) and read the outcome from the connection test.
 *
 * <p>Checked when a URL is saved and again before each call, since what a name resolves to can
 * change after it was saved. {@code ORDERGATE_OUTBOUND_ALLOW_INSECURE=true} lifts the rule (http,
 * loopback and private addresses allowed) for simulators and tests; the URL must still be absolute
 * and free of credentials, query and fragment.
 *
 * <p>The check resolves the name the way the HTTP client will a moment later (the JVM caches the
 * answer), so it closes the door for names that resolve to internal addresses; it does not pin
 * the connection to the checked address.
 */
@ApplicationScoped
public class OutboundUrls {

    public static final String ALLOW_INSECURE = "ordergate.outbound.allow-insecure";

    static final String RULE = "partner URLs must be https and resolve only to public addresses (not loopback, "
            + "link-local, private, CGNAT, multicast or unspecified ones); ORDERGATE_OUTBOUND_ALLOW_INSECURE=true lifts "
            + "this for simulators and tests";

    /** A host whose last label is a number is an IPv4 address, however it is spelled. */
    static final Pattern NUMERIC_HOST = Pattern.compile("(?i).*?(^|\\.)(0x[0-9a-f]*|[0-9]+)\\.?$");

    static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])" + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** Name resolution, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    @ConfigProperty(name = ALLOW_INSECURE)
    boolean allowInsecure;

    Resolver resolver = InetAddress::getAllByName;

    /** A URL that breaks the rule; the message names the URL's role and the rule, never a resolved address. */
    public static class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    public boolean allowInsecure() {
        return allowInsecure;
    }

    /**
     * Checks a URL against the rule, resolving its host.
     *
     * @param name what the URL is, for the message (e.g. {@code 'tokenUrl'})
     * @return the URL, trimmed
     * @throws Refused with what is wrong, naming the rule
     */
    public URI check(String name, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new Refused(name + " is not a valid URL: " + e.getReason() + ".");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new Refused(name + " must be an absolute http(s) URL with a host, without credentials, query or "
                    + "fragment.");
        }
        if (allowInsecure) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw new Refused(name + " must use https: " + RULE + ".");
        }
        var host = uri.getHost();
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            // 2130706433, 0177.0.0.1, 127.1: read differently by different resolvers, never needed
            throw new Refused(name + " has a numeric host that is not a plain dotted IPv4 address: " + RULE + ".");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
            throw new Refused(name + ": the host " + host + " could not be resolved, so where it points cannot be "
                    + "checked (" + RULE + ").");
        }
        for (var address : addresses) {
            var kind = forbidden(address);
            if (kind.isPresent()) {
                throw new Refused(
                        name + ": the host " + host + " resolves to " + kind.get() + " address: " + RULE + ".");
            }
        }
        return uri;
    }

    /** What kind of non-public address this is ("a loopback", "a private", ...), or empty for a public one. */
    public static Optional<String> forbidden(InetAddress address) {
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenV4(bytes, 0);
        }
        if (bytes.length != 16) {
            return Optional.of("an unknown kind of");
        }
        if (allZero(bytes, 0, 16)) {
            return Optional.of("an unspecified");
        }
        if (allZero(bytes, 0, 15) && bytes[15] == 1) {
            return Optional.of("a loopback");
        }
        if (allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return forbiddenV4(bytes, 12).map(kind -> kind + " (IPv4-mapped)");
        }
        if (allZero(bytes, 0, 12)) {
            return forbiddenV4(bytes, 12).map(kind -> kind + " (IPv4-compatible)");
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b) {
            // NAT64: 64:ff9b::/96 embeds an IPv4 address; 64:ff9b:1::/48 is for local use
            if (allZero(bytes, 4, 12)) {
                return forbiddenV4(bytes, 12).map(kind -> kind + " (NAT64)");
            }
            if (bytes[4] == 0 && bytes[5] == 1) {
                return Optional.of("a private (local NAT64)");
            }
        }
        if (first == 0x20 && second == 0x02) {
            return forbiddenV4(bytes, 2).map(kind -> kind + " (6to4)");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a private (site-local)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a private (unique local)");
        }
        if (first == 0xff) {
            return Optional.of("a multicast");
        }
        return Optional.empty();
    }

    static Optional<String> forbiddenV4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xff;
        int b = bytes[offset + 1] & 0xff;
        if (a == 0) {
            return Optional.of("an unspecified");
        }
        if (a == 127) {
            return Optional.of("a loopback");
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return Optional.of("a private");
        }
        if (a == 169 && b == 254) {
            return Optional.of("a link-local");
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return Optional.of("a CGNAT");
        }
        if (a >= 224 && a <= 239) {
            return Optional.of("a multicast");
        }
        if (a >= 240) {
            return Optional.of("a reserved");
        }
        return Optional.empty();
    }

    static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

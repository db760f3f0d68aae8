package io.ordergate.webapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Realistic SCAYLE delegation bodies: the example every test, the bench and the Payara Server
 * proof share (fixtures/scayle-order-delegation.json, on the test class path).
 */
public final class Orders {

    /** The example's customer e-mail address, which {@link #delegation(String, String, String)} replaces. */
    static final String EMAIL = "jane@example.com";

    private static final String EXAMPLE = read("/fixtures/scayle-order-delegation.json");

    private Orders() {}

    public static String newReference() {
        return "fa-10001-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String delegation(String merchantKey, String referenceKey) {
        return EXAMPLE.replace("{{reference}}", referenceKey).replace("{{merchant}}", merchantKey);
    }

    /** The same order with another customer e-mail address: other content under the same reference. */
    public static String delegation(String merchantKey, String referenceKey, String email) {
        return delegation(merchantKey, referenceKey)
                .replace("\"email\": \"" + EMAIL + "\"", "\"email\": \"" + email + "\"");
    }

    private static String read(String resource) {
        try (var in = Orders.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (webapp/pom.xml adds fixtures/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partner URLs are https to public addresses only. The test environment lets OrderGate call the
 * simulator on loopback (ORDERGATE_OUTBOUND_ALLOW_INSECURE=true), so the rule is shown on a second
 * node that runs with the production default; both nodes share the database. And whatever the
 * URL, a failed connection test says what kind of failure it was, not what the network said.
 */
class OutboundUrlsIT extends ScalepointBase {

    static final List<String> REFUSED = List.of(
            "http://scalepoint.example/connect/token",
            "https://127.0.0.1/connect/token",
            "https://10.0.0.1/connect/token",
            "https://localhost:8443/connect/token",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://[::1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://[fd00::1]/",
            "https://2130706433/",
            "https://0177.0.0.1/");

    @Test
    void aNodeWithTheDefaultRuleRefusesInternalAndPlainHttpUrls() {
        connect(); // a connection row, so that the strict node's test gets as far as its URLs
        int tokenRequests = scalepoint().tokenRequests();
        try (var strict = ExtraNode.start(freePort(), Map.of("ORDERGATE_OUTBOUND_ALLOW_INSECURE", "false"))) {
            for (var url : REFUSED) {
                for (var field : List.of("tokenUrl", "orderDataUrl", "eventApiUrl")) {
                    var json = """
                            {"clientId": "%s", "scopes": ["orderdata"], "tenant": "ordergate", "country": "dk",
                             "%s": "%s"}""".formatted(CLIENT_ID, field, url);
                    var response = send(HttpRequest.newBuilder(strict.uri("api/admin/scalepoint/connection"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", admin())
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                            .build());
                    var body = text(response);
                    assertThat(response.statusCode())
                            .as(field + " " + url + ": " + body)
                            .isEqualTo(400);
                    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
                    assertThat(Json.object(response.body()).getString("detail"))
                            .as(url)
                            .startsWith("'" + field + "'")
                            .containsAnyOf("must use https", "public addresses");
                }
            }
            // nothing was stored: the main node still reaches the simulator with the configured URLs
            assertThat(rows("SELECT token_url, order_data_url, event_api_url FROM sp_connection")
                            .get(0)
                            .values())
                    .containsOnlyNulls();

            // This node's configured URLs are the simulator's http://127.0.0.1: refused before any call.
            var test = Json.object(send(HttpRequest.newBuilder(strict.uri("api/admin/scalepoint/connection/test"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", admin())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build())
                    .body());
            assertThat(test.getBoolean("ok")).as(test.toString()).isFalse();
            assertThat(test.getString("error"))
                    .startsWith("OrderGate does not call this URL: Scalepoint's token URL " + "must use https")
                    .contains("ORDERGATE_OUTBOUND_ALLOW_INSECURE");
            assertThat(scalepoint().tokenRequests()).isEqualTo(tokenRequests);
        }
        assertThat(test().getBoolean("ok"))
                .as("the main node, allowed to call the simulator")
                .isTrue();
    }

    @Test
    void aFailedConnectionTestNamesTheKindOfFailureNotTheNetworksWords() throws IOException {
        connect();
        try {
            int closed = freePort();
            var refused = testWith("http://127.0.0.1:" + closed + "/connect/token");
            assertThat(refused.getString("error"))
                    .isEqualTo("Could not connect to the token endpoint (connection refused, reset or timed out).");

            JsonObject tls;
            try (var plain = plainHttpServer()) {
                tls = testWith("https://127.0.0.1:" + plain.getLocalPort() + "/connect/token");
            }
            assertThat(tls.getString("error"))
                    .isEqualTo("The TLS handshake with the token endpoint failed "
                            + "(certificate or protocol not accepted).");

            scalepoint()
                    .scriptToken(Reply.status(
                            503,
                            "text/html",
                            "<html>Apache/2.4.62 (Debian) Server at 10.0.0.1 Port 8080</html>",
                            Map.of()));
            var answered = testWith(scalepoint().tokenUrl());
            assertThat(answered.getString("error")).isEqualTo("The token endpoint answered 503.");

            for (var result : List.of(refused, tls, answered)) {
                assertThat(result.getBoolean("ok")).isFalse();
                assertThat(result.getString("error"))
                        .doesNotContain(String.valueOf(closed))
                        .doesNotContain(":" + scalepoint().port())
                        .doesNotContain("127.0.0.1")
                        .doesNotContain("10.0.0.1")
                        .doesNotContain("Exception")
                        .doesNotContain("Apache");
            }
        } finally {
            connect(); // back to the configured URLs for the tests after this one
        }
    }

    JsonObject testWith(String tokenUrl) {
        var saved = put("api/admin/scalepoint/connection", """
                {"clientId": "%s", "scopes": ["orderdata", "events"], "tenant": "ordergate", "country": "dk",
                 "tokenUrl": "%s"}""".formatted(CLIENT_ID, tokenUrl));
        assertThat(saved.statusCode()).as(text(saved)).isEqualTo(200);
        return test();
    }

    JsonObject test() {
        var response = post("api/admin/scalepoint/connection/test", admin(), null, new byte[0]);
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.object(response.body());
    }

    /**
     * A server on loopback that answers every connection with a plain HTTP error at once, so a TLS
     * client reads something that is no handshake. (The simulator would wait for a request line
     * and let the client time out.)
     */
    static ServerSocket plainHttpServer() {
        try {
            var server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            var thread = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try (var socket = server.accept()) {
                                socket.setSoTimeout(5_000);
                                socket.getOutputStream()
                                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                                .getBytes(StandardCharsets.US_ASCII));
                                socket.getInputStream().read(new byte[4096]); // until the client gives up
                            } catch (IOException e) {
                                // the client hung up, or the test closed the server
                            }
                        }
                    },
                    "plain-http");
            thread.setDaemon(true);
            thread.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The feed's optional push (fulfilment spec §2) on a node started with
 * {@code ORDERGATE_FULFILMENT_WEBHOOK_URL}: every change reaches the receiver once it answers 2xx,
 * in position order, signed the Standard Webhooks way with the secret an admin made, retried with
 * the same {@code webhook-id} after a 503; the node without the URL pushes nothing.
 */
class FulfilmentPushIT extends FulfilmentBase {

    record Delivery(String id, String timestamp, String signature, String body, int answered, Instant at) {}

    static boolean verifies(String secret, Delivery delivery) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        var expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                                .getBytes(StandardCharsets.UTF_8)));
        return List.of(delivery.signature().split(" ")).contains(expected);
    }

    @Test
    void everyChangeReachesTheReceiverInOrderSignedAndRetriedUntilTaken() throws Exception {
        var deliveries = new CopyOnWriteArrayList<Delivery>();
        var refusals = new AtomicInteger(2);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = refusals.getAndDecrement() > 0 ? 503 : 204;
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body,
                    status,
                    Instant.now()));
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "3");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            var secret = Json.object(post("api/admin/fulfilment/webhook/secret", admin(), null, new byte[0])
                            .body())
                    .getString("secret");
            assertThat(secret).startsWith("whsec_");
            var merchant = newMerchant();
            var bearer = bearer(newFulfilmentClient());
            // the receiver is new: it gets what happens from now on (the feed has the rest)
            read(bearer);
            count("UPDATE ful_push SET last_position = (SELECT last_position FROM ful_feed_head) RETURNING 1");
            long from = count("SELECT last_position FROM ful_push");

            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            try (var node = ExtraNode.start(ExtraNode.freePort(), Map.of("ORDERGATE_FULFILMENT_WEBHOOK_URL", url))) {
                var references = new ArrayList<String>();
                for (int i = 0; i < 5; i++) {
                    var reference = Orders.newReference();
                    references.add(reference);
                    assertThat(delegate(merchant, Orders.delegation(merchant.key(), reference), "p" + i)
                                    .statusCode())
                            .isEqualTo(201);
                }
                var deadline = Instant.now().plusSeconds(60);
                while (!references.stream().allMatch(reference -> ours(taken(deliveries), reference))) {
                    assertThat(Instant.now())
                            .as("our five orders taken by the receiver")
                            .isBefore(deadline);
                    Pause.sleep(Duration.ofMillis(200));
                }

                var taken = taken(deliveries);
                for (int i = 0; i < taken.size(); i++) {
                    var delivery = taken.get(i);
                    assertThat(verifies(secret, delivery)).as(delivery.id()).isTrue();
                    var data = data(delivery);
                    assertThat(delivery.id()).isEqualTo("ordergate-feed-" + data.getString("position"));
                    // in order, none left out, each taken once
                    assertThat(Long.parseLong(data.getString("position"))).isEqualTo(from + 1 + i);
                }
                for (var reference : references) {
                    var mine = taken.stream()
                            .filter(d -> reference.equals(
                                    data(d).getJsonObject("order").getString("reference")))
                            .toList();
                    assertThat(mine).hasSize(1);
                    assertThat(Json.object(mine.get(0).body().getBytes(StandardCharsets.UTF_8))
                                    .getString("type"))
                            .isEqualTo("order.created");
                }
                // the first change was refused twice and sent again under the same id
                assertThat(deliveries.subList(0, 3))
                        .extracting(Delivery::id, Delivery::answered)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(taken.get(0).id(), 503),
                                org.assertj.core.groups.Tuple.tuple(taken.get(0).id(), 503),
                                org.assertj.core.groups.Tuple.tuple(taken.get(0).id(), 204));
                // each retry waited as long as the receiver's Retry-After asked (3 s, more than the back-off)
                assertThat(Duration.between(
                                deliveries.get(0).at(), deliveries.get(1).at()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
                assertThat(Duration.between(
                                deliveries.get(1).at(), deliveries.get(2).at()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
                JsonObject status =
                        Json.object(send(java.net.http.HttpRequest.newBuilder(node.uri("api/admin/fulfilment/webhook"))
                                        .header("Authorization", admin())
                                        .timeout(Duration.ofSeconds(30))
                                        .build())
                                .body());
                assertThat(status.getString("url")).isEqualTo(url);
                assertThat(status.getJsonNumber("pushedUpTo").longValue()).isGreaterThanOrEqualTo(from + 5);
                assertThat(status.getInt("attempts")).isZero();
                // the receiver's last answer stays on show while there is nothing new to push
                assertThat(status.getInt("lastStatus")).isEqualTo(204);
                assertThat(status.containsKey("lastError")).isFalse();
                // the node without the URL pushes nothing and says so
                assertThat(Json.object(get("api/admin/fulfilment/webhook", admin())
                                        .body())
                                .containsKey("url"))
                        .isFalse();
            }
        } finally {
            server.stop(0);
        }
    }

    static List<Delivery> taken(List<Delivery> deliveries) {
        return deliveries.stream().filter(d -> d.answered() / 100 == 2).toList();
    }

    static JsonObject data(Delivery delivery) {
        return Json.object(delivery.body().getBytes(StandardCharsets.UTF_8)).getJsonObject("data");
    }

    static boolean ours(List<Delivery> taken, String reference) {
        return taken.stream()
                .anyMatch(d -> reference.equals(data(d).getJsonObject("order").getString("reference")));
    }

    /** Reading the feed numbers what has committed, so that the cursor can be set past it. */
    void read(String bearer) {
        assertThat(get("api/fulfilment/feed?limit=1", bearer).statusCode()).isEqualTo(200);
    }
}

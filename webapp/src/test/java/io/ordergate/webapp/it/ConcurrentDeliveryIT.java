package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A retry racing a slow first attempt: real threads released together against the real server. */
class ConcurrentDeliveryIT extends OrderGateIT {

    static final int DELIVERIES = 50;

    @Test
    void simultaneousFirstDeliveriesMakeOneOrderAndIdenticalAnswers() throws Exception {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference);

        var responses = race(i -> delegate(merchant, body, "race-" + i));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> text(r)).distinct()).hasSize(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ?",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation_item i JOIN scayle_delegation d "
                                + "ON d.delegation_id = i.delegation_id WHERE d.merchant_key = ?",
                        merchant.key()))
                .isEqualTo(2);
        assertThat(rows(
                        "SELECT outcome, count(*) AS n FROM scayle_delivery_attempt WHERE merchant_key = ? "
                                + "GROUP BY outcome ORDER BY outcome",
                        merchant.key()))
                .extracting(r -> r.get("outcome") + "=" + r.get("n"))
                .containsExactly("created=1", "replayed=" + (DELIVERIES - 1));
    }

    @Test
    void simultaneousDeliveriesWithDifferentBodiesStillGetOneAnswer() throws Exception {
        var merchant = newMerchant();
        var reference = Orders.newReference();
        var one = Orders.delegation(merchant.key(), reference);
        var other = one.replace("\"quantity\": 2", "\"quantity\": 3");

        var responses = race(i -> delegate(merchant, i % 2 == 0 ? one : other, "mixed-" + i));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        assertThat(responses.stream().map(r -> text(r)).distinct()).hasSize(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ? "
                                + "AND conflict",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delivery_attempt WHERE merchant_key = ? AND outcome = 'created'",
                        merchant.key()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM scayle_delivery_attempt WHERE merchant_key = ? AND outcome = 'conflict'",
                        merchant.key()))
                .isEqualTo(DELIVERIES / 2);
    }

    interface Delivery {
        HttpResponse<byte[]> send(int index) throws Exception;
    }

    static List<HttpResponse<byte[]>> race(Delivery delivery) throws Exception {
        var barrier = new CyclicBarrier(DELIVERIES);
        var pool = Executors.newFixedThreadPool(DELIVERIES);
        try {
            var futures = new ArrayList<Future<HttpResponse<byte[]>>>();
            for (int i = 0; i < DELIVERIES; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return delivery.send(index);
                }));
            }
            var responses = new ArrayList<HttpResponse<byte[]>>();
            for (var future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.ordergate.webapp.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.Orders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fast part of the reliability suite, run by every {@code ./mvnw verify}: the real two-node
 * topology of {@code ./ordergate cluster} (nginx in front of two Payara Micro nodes, one
 * database). 200 simultaneous deliveries of one order split across both nodes make one order and
 * 200 identical answers; an auditor is refused every change; nginx goes on answering through the
 * surviving node when one is killed; and no secret of the run is in any log or audit record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT extends ClusterTest {

    static final int DELIVERIES = 200;

    @BeforeAll
    static void start() throws Exception {
        startWithMerchant(Cluster.ofTheBuild("_cluster", Map.of()));
    }

    @Test
    @Order(1)
    void simultaneousDeliveriesOfOneOrderSplitAcrossBothNodesMakeOneOrderAndIdenticalAnswers() throws Exception {
        var reference = Orders.newReference();
        var body = Gateway.order(merchant, reference);
        var barrier = new CyclicBarrier(DELIVERIES);
        var pool = Executors.newFixedThreadPool(DELIVERIES);
        var answers = new ArrayList<Gateway.Answer>();
        try {
            var futures = new ArrayList<Future<Gateway.Answer>>();
            for (int i = 0; i < DELIVERIES; i++) {
                var node = 1 + i % 2;
                futures.add(pool.submit(() -> {
                    barrier.await(60, TimeUnit.SECONDS);
                    return Gateway.deliver(
                            cluster.node(node, "api/scayle/order-delegations"), merchant, body, Duration.ofSeconds(30));
                }));
            }
            for (var future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        var slowest = answers.stream()
                .map(Gateway.Answer::took)
                .max(Duration::compareTo)
                .orElseThrow();
        Report.line(
                "%d simultaneous deliveries of %s, half to each node: statuses %s, %d distinct bodies, slowest %d ms",
                DELIVERIES,
                reference,
                answers.stream().map(Gateway.Answer::status).distinct().toList(),
                answers.stream().map(Gateway.Answer::body).distinct().count(),
                slowest.toMillis());
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(Gateway.Answer::body).distinct()).hasSize(1);
        assertThat(cluster.count(
                        "SELECT count(*) FROM scayle_delegation WHERE merchant_key = ? AND reference_key = ?",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
        assertThat(cluster.count(
                        "SELECT count(*) FROM scayle_delivery_attempt WHERE merchant_key = ? AND reference_key = ? "
                                + "AND outcome = 'created'",
                        merchant.key(),
                        reference))
                .isEqualTo(1);
        assertThat(cluster.count(
                        "SELECT count(*) FROM scayle_delivery_attempt WHERE merchant_key = ? AND reference_key = ? "
                                + "AND outcome = 'replayed'",
                        merchant.key(),
                        reference))
                .isEqualTo(DELIVERIES - 1);
    }

    @Test
    @Order(2)
    void anAuditorIsRefusedEveryChangeThroughTheBalancer() throws Exception {
        var name = "auditor-"
                + Cluster.random(4).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        var created = admin(
                "POST",
                "api/admin/users",
                "{\"username\": \"" + name + "\", \"roles\": [\"auditor\"]}",
                Gateway.basic("admin", cluster.adminPassword()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var password = Gateway.object(created.body()).getString("password");
        Secrets.register("auditor password", password);
        var auditor = Gateway.basic(name, password);
        var merchants = cluster.count("SELECT count(*) FROM cred_scayle_merchant");
        var users = cluster.count("SELECT count(*) FROM cred_user");
        var credentials = cluster.count("SELECT count(*) FROM cred_scayle_credential");

        var refused = List.of(
                admin("POST", "api/admin/scayle/merchants", "{\"merchantKey\": \"m-auditor\"}", auditor),
                admin("POST", "api/admin/scayle/merchants/" + merchant.key() + "/credentials", "", auditor),
                admin("POST", "api/admin/users", "{\"username\": \"x-" + name + "\", \"roles\": [\"admin\"]}", auditor),
                admin("POST", "api/admin/users/admin/disable", "", auditor),
                admin("POST", "api/admin/scalepoint/webhook-clients", "", auditor),
                admin(
                        "PUT",
                        "api/admin/scalepoint/connection",
                        "{\"clientId\": \"x\", \"scopes\": [\"orderdata\"], "
                                + "\"tenant\": \"t\", \"country\": \"dk\"}",
                        auditor));
        Report.line(
                "auditor's mutating calls answered %s",
                refused.stream().map(HttpResponse::statusCode).toList());
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        });
        assertThat(cluster.count("SELECT count(*) FROM cred_scayle_merchant")).isEqualTo(merchants);
        assertThat(cluster.count("SELECT count(*) FROM cred_user")).isEqualTo(users);
        assertThat(cluster.count("SELECT count(*) FROM cred_scayle_credential")).isEqualTo(credentials);
        // What an auditor may do still works through the balancer.
        assertThat(admin("GET", "api/admin/audit", null, auditor).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theBalancerCutsOffAnAnonymousFloodAndServesMetricsToTheOperatorsNetwork() throws Exception {
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < 100; i++) {
            var answer = Gateway.HTTP.send(
                    HttpRequest.newBuilder(cluster.front("api/scayle/order-delegations"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        Report.line("100 anonymous webhook requests through nginx: %s", statuses);
        // 5 a second with a burst of 20 reach a node (and get its 401); the rest stop at nginx.
        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(429)).isGreaterThanOrEqualTo(50);
        // Loopback is the operators' network: /metrics passes (the rule that refuses the public is
        // nginx's geo list, which cannot be exercised from this machine's own addresses).
        var metrics = Gateway.HTTP.send(
                HttpRequest.newBuilder(cluster.front("metrics"))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theBalancerAnswersThroughTheSurvivingNodeWhenOneIsKilled() {
        var before = deliverNew(20);
        cluster.kill(2);
        var after = deliverNew(40);
        Report.line("through nginx: 20 new orders with both nodes %s; node 2 killed, 40 new orders %s", before, after);
        assertThat(before).containsOnlyKeys(201);
        assertThat(after).containsOnlyKeys(201);
    }

    @Test
    @Order(5)
    void noSecretOfTheRunIsInAnyLogOrAuditRecord() {
        Secrets.assertNowhere(cluster);
    }

    private static Map<Integer, Integer> deliverNew(int orders) {
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < orders; i++) {
            var answer = Gateway.deliver(
                    cluster.front("api/scayle/order-delegations"),
                    merchant,
                    Gateway.order(merchant, Orders.newReference()),
                    Duration.ofSeconds(20));
            statuses.merge(answer.status(), 1, Integer::sum);
        }
        return statuses;
    }

    private static HttpResponse<String> admin(String method, String path, String json, String authorization)
            throws Exception {
        var request = HttpRequest.newBuilder(cluster.front(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Gateway.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * More than one node on one database, with real processes: the nodes share the fetch backlog
 * without ever fetching one order twice at once, a node killed with SIGKILL in the middle of the
 * backlog loses nothing, and in long-poll mode exactly one node polls, another taking over when
 * it dies.
 */
class ScalepointNodesIT extends ScalepointBase {

    static final int NODE_B = 25481;
    static final int NODE_C = 25482;

    @Test
    void twoNodesShareTheBacklogAndAKilledNodeLosesNothing() {
        connect();
        var client = newClient();
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 120; i++) {
            var token = newOrderToken();
            scalepoint().putOrder(token, orderData(token, "Created"));
            tokens.add(token);
        }
        // Slower than the announcing, even on a busy machine: the backlog must outlast it, so that
        // node B is in the middle of fetches when it is killed (with 150 ms the two nodes kept up
        // with the announcements and B was sometimes idle by then).
        scalepoint().latency(Duration.ofSeconds(1));
        try (var nodeB = ExtraNode.start(NODE_B, Map.of())) {
            tokens.forEach(token -> announce(client, token));
            var owner = nodeB.pid() + "@%";
            await(
                    "node B working on the backlog",
                    Duration.ofSeconds(60),
                    () -> count("SELECT count(*) FROM job " + "WHERE state = 'running' AND locked_by LIKE ?", owner) > 0
                            ? true
                            : null);

            nodeB.kill();

            var lower = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
            await(
                    "every order fetched",
                    Duration.ofSeconds(120),
                    () -> count(
                                            "SELECT count(*) FROM sp_order WHERE "
                                                    + "status = 'fetched' AND order_token = ANY (?)",
                                            (Object) lower)
                                    == tokens.size()
                            ? true
                            : null);
            assertThat(count("SELECT count(*) FROM sp_snapshot WHERE order_token = ANY (?)", (Object) lower))
                    .isEqualTo(tokens.size());
            assertThat(count(
                            "SELECT count(*) FROM job_attempt a JOIN job j USING (job_id) WHERE j.dedupe_key = "
                                    + "ANY (?) AND a.node LIKE ?",
                            lower,
                            owner))
                    .as("attempts node B finished")
                    .isPositive();
            assertThat(count(
                            "SELECT count(*) FROM job j WHERE j.dedupe_key = ANY (?) AND j.attempts > (SELECT "
                                    + "count(*) FROM job_attempt a WHERE a.job_id = j.job_id)",
                            (Object) lower))
                    .as("jobs whose attempt died with node B and were taken over")
                    .isPositive();
        } finally {
            scalepoint().latency(Duration.ZERO);
        }
        assertThat(scalepoint().maxConcurrentPerOrder()).isEqualTo(1);
        assertThat(scalepoint().internalErrors()).isEmpty();
    }

    @Test
    void inLongPollModeOneNodePollsAndAnotherTakesOverWhenItDies() {
        connect();
        var longPoll = Map.of("ORDERGATE_SCALEPOINT_RECEIVE_MODE", "long-poll");
        var first = newOrderToken();
        var second = newOrderToken();
        scalepoint().putOrder(first, orderData(first, "Created"));
        scalepoint().putOrder(second, orderData(second, "Created"));
        publish(first);
        scalepoint().nextLinkHost("elsewhere.example.com");
        try (var nodeB = ExtraNode.start(NODE_B, longPoll);
                var nodeC = ExtraNode.start(NODE_C, longPoll)) {
            awaitStatus(first, "fetched", Duration.ofSeconds(60));
            var holder = await("one lease holder", Duration.ofSeconds(30), () -> {
                var b = nodeB.log().contains("took the Scalepoint long-poll lease");
                var c = nodeC.log().contains("took the Scalepoint long-poll lease");
                return b ^ c ? (b ? nodeB : nodeC) : null;
            });
            var other = holder == nodeB ? nodeC : nodeB;
            assertThat(other.log()).doesNotContain("took the Scalepoint long-poll lease");

            holder.kill();
            publish(second);

            awaitStatus(second, "fetched", Duration.ofSeconds(90));
            assertThat(other.log()).contains("took the Scalepoint long-poll lease");
            assertThat(other.log()).contains("Ignored links.next to elsewhere.example.com");
        } finally {
            scalepoint().nextLinkHost(null);
        }
        for (var token : List.of(first, second)) {
            assertThat(count(
                            "SELECT count(*) FROM sp_event WHERE order_token = ? AND source = 'long-poll'",
                            token.toLowerCase(Locale.ROOT)))
                    .isEqualTo(1);
        }
        var cursor = rows("SELECT last_event_id FROM sp_poller").get(0).get("last_event_id");
        assertThat(cursor).isEqualTo(lastPublishedId);
    }

    String lastPublishedId;

    /** Scalepoint's Event API holds an order_created event for the long poll. */
    void publish(String orderToken) {
        lastPublishedId = "_" + UUID.randomUUID().toString().substring(0, 8);
        scalepoint()
                .publishForLongPoll(
                        lastPublishedId,
                        "order_created",
                        ScalepointEvents.orderCreated(
                                orderToken, UUID.randomUUID().toString(), "2020-04-28T18:43:38.004451447Z"));
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What anyone on the internet can make OrderGate do without credentials: the audit trail grows by a
 * few records and one summary per source and window however many requests come, a source sending
 * bad bearer tokens is throttled like one guessing passwords, IPv6 sources count per /64, names
 * that no user can have cost no key derivation, and no body is read before its sender is known.
 *
 * <p>Sources are set with X-Forwarded-For (the integration tests believe that header from anyone),
 * so that the floods here throttle nobody else's tests.
 */
class AnonymousTrafficIT extends OrderGateIT {

    /** ORDERGATE_AUTH_REJECTION_WINDOW in the failsafe configuration. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** ordergate.auth.rejections-audited: how many per source and window are audited one by one. */
    static final int AUDITED = 5;

    static final Pattern DERIVATIONS =
            Pattern.compile("(?m)^ordergate_auth_password_derivations_total(\\{[^}]*})?\\s+(\\S+)$");

    /**
     * HTTP/1.1 as a flood would come: the shared client's HTTP/2 upgrade is refused by Payara for
     * header blocks that a plain HTTP/1.1 request may carry (a 5,000-character user name).
     */
    static final HttpClient HTTP_1_1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<byte[]> from(String source, String path, String authorization, byte[] body) {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", source);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP_1_1.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String hex(int bytes) {
        var random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void anonymousWebhookFloodLeavesAFewRecordsAndOneSummaryPerSourceAndWindow() {
        var source = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        var body = Orders.delegation("m-flood", Orders.newReference()).getBytes(StandardCharsets.UTF_8);
        var started = Instant.now();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 200; i++) {
            // half without credentials, half with a user name that does not exist
            var authorization = i % 2 == 0 ? null : basic("scayle-" + hex(8), "guess");
            statuses.add(from(source, "api/scayle/order-delegations", authorization, body)
                    .statusCode());
            statuses.add(from(source, "api/scayle/order-cancellations", authorization, body)
                    .statusCode());
        }
        var flood = Duration.between(started, Instant.now());
        System.out.println("AnonymousTrafficIT: 400 anonymous webhook requests took " + flood);

        assertThat(statuses).containsOnly(401, 429).contains(429);
        var individual =
                count("SELECT count(*) FROM audit_record WHERE source = ? AND action LIKE 'scayle.%.rejected'", source);
        assertThat(individual).as("audited one by one").isLessThanOrEqualTo(AUDITED * windows(flood));
        awaitAccounted(source, "source = ?", 400);
    }

    @Test
    void badBearerTokensFromOneIpv6Slash64AreThrottledAndSummarised() {
        // written as the /64 summary will name it: no leading zeros
        var prefix = "2001:db8:" + group() + ":" + group() + ":";
        var started = Instant.now();
        var answers = new ArrayList<HttpResponse<byte[]>>();
        for (int i = 0; i < 200; i++) {
            // every request from another address of the same /64
            answers.add(from(
                    prefix + Integer.toHexString(i + 1) + "::1",
                    "api/scalepoint/events",
                    "Bearer not.a." + hex(8),
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
        var flood = Duration.between(started, Instant.now());
        System.out.println("AnonymousTrafficIT: 200 bad bearer tokens took " + flood);

        // a source as a whole may fail ten times the per-user limit (10) in a minute
        assertThat(answers.subList(0, 100))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
        assertThat(answers.subList(100, 200)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 121));
        });
        var individual = count(
                "SELECT count(*) FROM audit_record WHERE source LIKE ? " + "AND action = 'scalepoint.event.rejected'",
                prefix + "%");
        assertThat(individual).as("audited one by one").isLessThanOrEqualTo(AUDITED * windows(flood));
        awaitAccounted(prefix + "%", "source LIKE ?", 200);
    }

    @Test
    void namesNoUserCanHaveAreRefusedWithoutAKeyDerivation() {
        // the first check of an unknown name also derives the dummy hash it is compared with
        assertThat(from(
                                "203.0.113.20",
                                "api/admin/scayle/delegations",
                                basic("nobody-" + hex(4), "password"),
                                new byte[0])
                        .statusCode())
                .isEqualTo(401);
        var before = derivations();
        var started = Instant.now();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 200; i++) {
            // four sources, 50 each: below the per-source throttle, so every one is a full refusal
            var source = "203.0.113." + (10 + i % 4);
            var name = "x".repeat(4990) + hex(5);
            statuses.add(from(source, "api/admin/scayle/delegations", basic(name, "password"), new byte[0])
                    .statusCode());
        }
        var took = Duration.between(started, Instant.now());

        assertThat(statuses).containsOnly(401);
        assertThat(derivations()).as("PBKDF2 runs").isEqualTo(before);
        // No bound on the time: on a busy machine the database writes of a refusal (throttle counter,
        // rejection counter) dominate it; the derivation counter is what tells the refusals are cheap.
        System.out.println("AnonymousTrafficIT: 200 refusals of impossible user names took " + took);
        assertThat(count("SELECT count(*) FROM audit_record WHERE length(actor) > 64 OR length(subject_key) > 200"))
                .isZero();
        assertThat(count("SELECT count(*) FROM cred_auth_failure WHERE bucket !~ '^[0-9a-f]{64}$'"))
                .isZero();

        // a name a user could have costs the same derivation as a wrong password: existence stays hidden
        assertThat(from(
                                "203.0.113.20",
                                "api/admin/scayle/delegations",
                                basic("nobody-" + hex(4), "password"),
                                new byte[0])
                        .statusCode())
                .isEqualTo(401);
        assertThat(derivations()).isEqualTo(before + 1);
    }

    @Test
    void aCustomerEmailSearchedForIsNotKeptInTheAuditTrail() throws Exception {
        var marker = UUID.randomUUID().toString();
        var email = "jane.doe." + marker + "@example.com";

        var listed = get("api/admin/scayle/delegations?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8), admin());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE detail::text LIKE ? OR subject_key LIKE ?",
                        "%" + marker + "%",
                        "%" + marker + "%"))
                .isZero();
        var sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.delegations.listed' "
                                + "AND detail->>'filter' LIKE ?",
                        "%text=sha256:" + sha256 + "%"))
                .isEqualTo(1);
    }

    @Test
    void noBodyIsReadBeforeTheSenderIsAuthenticated() throws IOException {
        // the headers promise a body that never comes: only a server that waits for it fails to answer
        assertThat(statusWithoutSendingTheBody("api/scayle/order-delegations", basic("scayle-" + hex(8), "guess")))
                .isEqualTo(401);
        assertThat(statusWithoutSendingTheBody("api/scayle/order-cancellations", null))
                .isEqualTo(401);
        assertThat(statusWithoutSendingTheBody("api/scalepoint/events", "Bearer not.a.token"))
                .isEqualTo(401);
    }

    int statusWithoutSendingTheBody(String path, String authorization) throws IOException {
        var uri = uri(path);
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            var head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n"
                    + "X-Forwarded-For: 198.18.0." + ThreadLocalRandom.current().nextInt(1, 255) + "\r\n"
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var line = new ByteArrayOutputStream();
            int b;
            while ((b = socket.getInputStream().read()) != -1 && b != '\n') {
                line.write(b);
            }
            return Integer.parseInt(line.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }

    static String group() {
        return Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /** How many windows a flood of this length can touch. */
    static int windows(Duration flood) {
        return (int) (flood.toMillis() / WINDOW.toMillis()) + 2;
    }

    /**
     * Waits until every rejection of the source is in the audit trail, one by one or in a summary,
     * then checks that the summaries are one per window and the counters are gone.
     */
    void awaitAccounted(String source, String where, long sent) {
        var deadline = Instant.now().plus(WINDOW.multipliedBy(6));
        long accounted = 0;
        while (Instant.now().isBefore(deadline)) {
            accounted = accounted(source, where);
            if (accounted >= sent) {
                break;
            }
            pause();
        }
        assertThat(accounted).as("rejections audited one by one or summarised").isEqualTo(sent);
        var summaries = rows(
                "SELECT detail->>'windowStart' AS window_start, (detail->>'rejections')::int AS n, "
                        + "(detail->>'notAuditedIndividually')::int AS further FROM audit_record "
                        + "WHERE action = 'anonymous.requests.rejected' AND " + where,
                source);
        assertThat(summaries).isNotEmpty().allSatisfy(summary -> {
            assertThat((Integer) summary.get("further")).isEqualTo((Integer) summary.get("n") - AUDITED);
        });
        assertThat(summaries.stream()
                        .map(summary -> summary.get("window_start"))
                        .distinct())
                .hasSameSizeAs(summaries);
        assertThat(count(
                        "SELECT count(*) FROM cred_rejection_window WHERE " + where.replace("source", "source_key"),
                        source))
                .as("counters of ended windows are deleted")
                .isZero();
    }

    long accounted(String source, String where) {
        var individual = count(
                "SELECT count(*) FROM audit_record WHERE action <> 'anonymous.requests.rejected' AND " + where, source);
        var summarised = count(
                "SELECT coalesce(sum((detail->>'notAuditedIndividually')::int), 0) FROM audit_record "
                        + "WHERE action = 'anonymous.requests.rejected' AND " + where,
                source);
        return individual + summarised;
    }

    long derivations() {
        var matcher = DERIVATIONS.matcher(text(get("metrics", null)));
        List<Double> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(2)));
        }
        // the counter appears with the first derivation
        assertThat(values).as("ordergate_auth_password_derivations_total").hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? 0 : values.get(0).longValue();
    }

    static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

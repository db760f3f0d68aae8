package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed and hostile requests against every public endpoint, sent over raw sockets
 * so that nothing between the test and the server tidies them up: truncated and deeply nested
 * JSON, 10 MB bodies (declared and chunked), invalid UTF-8, duplicate member names, huge numbers,
 * wrong types, wrong media types and charsets, header injection, path traversal in ids, bad
 * request lines. Every answer must be a 4xx with an RFC 9457 problem (the token endpoint: an
 * RFC 6749 error), and nothing may be stored but audit records of the rejections.
 */
class HostileInputIT extends ScalepointBase {

    /** What a case must get back. */
    enum Expect {
        /** A 4xx problem+json. */
        PROBLEM,
        /** A 4xx RFC 6749 error ({@code application/json} with {@code error}): the token endpoint. */
        OAUTH_ERROR,
        /** Health and metrics: anything but a 5xx (they answer 200 to a GET with odd headers). */
        NO_SERVER_ERROR,
        /**
         * Refused by Grizzly before any servlet runs (a request line or header block it cannot
         * parse): a 4xx or a closed connection, never a 5xx or a stack trace.
         */
        CONTAINER,
        /**
         * A path with a broken %-escape ({@code %zz}, {@code %u002e}): Payara fails to decode it
         * before the application runs (payara/Payara#8000) and sends an empty answer. Nothing is
         * processed; asserted: no 5xx and no body.
         */
        UNDECODABLE_PATH
    }

    record Case(String group, String name, Expect expect, byte[] request) {}

    record Answer(int status, Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Tables a rejected request must never write to: everything requests write. (Snapshots and
     * fetch attempts are written by the fetch worker, which may still be busy with orders of test
     * classes that ran before; an order the corpus created would show in {@code sp_order} and
     * {@code job}.)
     */
    static final List<String> BUSINESS_TABLES = List.of(
            "scayle_delegation",
            "scayle_delegation_item",
            "scayle_delegation_address",
            "scayle_delivery_attempt",
            "scayle_cancellation",
            "idem_record",
            "sp_event",
            "sp_order",
            "sp_publication",
            "sp_connection",
            "sp_certificate",
            "job",
            "cred_scayle_merchant",
            "cred_scayle_credential",
            "cred_user",
            "cred_webhook_client");

    static final int TEN_MB = 10 * 1024 * 1024;

    String host;
    int port;

    @Test
    void hostileRequestsAreRefusedWithProblemsAndStoreNothingButRejectionAudits() throws IOException {
        host = base.getHost();
        port = base.getPort();
        var merchant = newMerchant();
        var client = newClient();
        var bearer = bearer(client);
        var corpus = corpus(merchant, client, bearer);
        var before = tableCounts();
        var auditBefore = auditCounts();

        var failures = new ArrayList<String>();
        var beforeTheApplication = new ArrayList<String>();
        var summary = new TreeMap<String, Map<String, Integer>>();
        for (var c : corpus) {
            var answer = exchange(c.request());
            var problem = check(c, answer);
            if (answer.body().length == 0) {
                beforeTheApplication.add(c.group() + " / " + c.name() + " -> " + answer.status());
            }
            summary.computeIfAbsent(c.group() + kind(c), g -> new TreeMap<>())
                    .merge(answer.status() + " " + mediaType(answer), 1, Integer::sum);
            if (problem != null) {
                failures.add(c.group() + " / " + c.name() + ": " + problem + " (got " + answer.status() + " "
                        + answer.contentType() + " " + abbreviate(answer.text()) + ")");
            }
        }

        System.out.println("HostileInputIT: " + corpus.size() + " requests");
        summary.forEach((group, answers) -> System.out.println("  " + group + " ("
                + corpus.stream()
                        .filter(c -> (c.group() + kind(c)).equals(group))
                        .count() + " sent): " + answers));
        System.out.println("  answered without a body (by Payara, before the application):");
        beforeTheApplication.forEach(line -> System.out.println("    " + line));
        failures.forEach(f -> System.out.println("  FAILED " + f));

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(failures).isEmpty();
        assertThat(tableCounts()).isEqualTo(before);
        var auditAfter = auditCounts();
        var added = new TreeMap<String, Long>();
        auditAfter.forEach((action, n) -> {
            long grown = n - auditBefore.getOrDefault(action, 0L);
            if (grown != 0) {
                added.put(action, grown);
            }
        });
        System.out.println("  audit records added: " + added);
        assertThat(added.keySet())
                .as("only rejections are audited")
                .allSatisfy(action -> assertThat(action).endsWith(".rejected"));
        assertThat(added)
                .containsKeys(
                        "scayle.delegation.rejected", "scayle.cancellation.rejected", "scalepoint.event.rejected");
    }

    /** Null when the answer is what the case expects, otherwise what is wrong with it. */
    static String check(Case c, Answer answer) {
        var text = answer.text();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("at java.")) {
            return "a stack trace or exception name in the answer";
        }
        // 505 is HTTP's own answer to a request line naming HTTP/9.9, not a failure of ours
        if (answer.status() >= 500 && !(c.expect() == Expect.CONTAINER && answer.status() == 505)) {
            return "a server error";
        }
        switch (c.expect()) {
            case UNDECODABLE_PATH:
                return answer.body().length == 0 ? null : "an answer with a body";
            case CONTAINER:
                if (answer.status() != -1 && answer.status() < 400) {
                    return "not refused";
                }
                // Grizzly's own refusals have no body; whatever the application answered is a problem
                // (to a request line without a version Grizzly answers without headers, as to HTTP/0.9)
                return answer.body().length == 0 ? null : problemIn(answer);
            case NO_SERVER_ERROR:
                return answer.status() > 0 ? null : "no answer";
            case OAUTH_ERROR:
                if (answer.status() < 400) {
                    return "not refused";
                }
                if (!mediaType(answer).equals("application/json")) {
                    return "not an RFC 6749 error";
                }
                var error = Json.object(answer.body());
                return error.get("error") instanceof JsonString && error.get("error_description") instanceof JsonString
                        ? null
                        : "no error / error_description";
            default:
                if (answer.status() < 400) {
                    return "not refused";
                }
                if (!mediaType(answer).equals("application/problem+json")) {
                    return "not problem+json";
                }
                return problemIn(answer);
        }
    }

    static String problemIn(Answer answer) {
        JsonObject problem;
        try {
            problem = Json.object(answer.body());
        } catch (RuntimeException e) {
            return "the body is not a JSON problem";
        }
        boolean complete = problem.get("type") instanceof JsonString
                && problem.get("title") instanceof JsonString
                && problem.get("detail") instanceof JsonString
                && problem.get("status") instanceof JsonNumber status
                && status.intValue() == answer.status();
        return complete ? null : "type/title/status/detail missing or status differs";
    }

    /** The attack kind for the summary: what a JSON case's name says before the colon, or its first words. */
    static String kind(Case c) {
        for (var prefix : List.of("media type", "method", "10 MB")) {
            if (c.name().startsWith(prefix)) {
                return " / " + prefix;
            }
        }
        int colon = c.name().indexOf(": ");
        return colon > 0 ? " / " + c.name().substring(0, colon) : "";
    }

    static String mediaType(Answer answer) {
        return answer.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String text) {
        var oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
    }

    // ---- the corpus

    /** A JSON endpoint: a valid body and, per field, values that the endpoint must refuse there. */
    record JsonTarget(
            String group,
            String method,
            String path,
            String authorization,
            String validBody,
            Map<String, List<String>> refusedValues) {}

    List<Case> corpus(Merchant merchant, Client client, String bearer) {
        var cases = new ArrayList<Case>();
        var basic = merchant.authorization();
        var reference = Orders.newReference();
        var orderToken = newOrderToken();
        var targets = List.of(
                new JsonTarget(
                        "scayle-delegation",
                        "POST",
                        "/api/scayle/order-delegations",
                        basic,
                        Orders.delegation(merchant.key(), reference).strip(),
                        Map.of(
                                "\"referenceKey\": \"" + reference + "\"",
                                stringRefusals(),
                                "\"quantity\": 2",
                                numberRefusals())),
                new JsonTarget(
                        "scayle-cancellation",
                        "POST",
                        "/api/scayle/order-cancellations",
                        basic,
                        "{\"orderReferenceKey\": \"" + reference + "\", \"fulfillingMerchantKey\": \"" + merchant.key()
                                + "\", \"companyId\": 1000, \"warehouseIds\": [2, 1]}",
                        Map.of(
                                "\"orderReferenceKey\": \"" + reference + "\"",
                                stringRefusals(),
                                "\"warehouseIds\": [2, 1]",
                                warehouseRefusals())),
                new JsonTarget(
                        "scalepoint-events",
                        "POST",
                        "/api/scalepoint/events",
                        bearer,
                        ScalepointEvents.orderCreated(
                                        orderToken, UUID.randomUUID().toString(), "2020-04-28T20:43:35+02:00")
                                .strip(),
                        Map.of(
                                "\"orderToken\": \"" + orderToken + "\"",
                                orderTokenRefusals(),
                                "\"eventType\": \"order_created\"",
                                List.of("null", "\"\"", "\"  \"", "[]", "{}", "true"))),
                new JsonTarget(
                        "admin-merchants",
                        "POST",
                        "/api/admin/scayle/merchants",
                        admin(),
                        "{\"merchantKey\": \"hostile-m\"}",
                        Map.of(
                                "\"merchantKey\": \"hostile-m\"",
                                concat(
                                        stringRefusals(),
                                        List.of("\"../../etc/passwd\"", "\"a b\"", "\"" + "k".repeat(101) + "\"")))),
                new JsonTarget(
                        "admin-users",
                        "POST",
                        "/api/admin/users",
                        admin(),
                        "{\"username\": \"hostile-u\", \"roles\": [\"staff\"]}",
                        Map.of(
                                "\"username\": \"hostile-u\"", stringRefusals(),
                                "\"roles\": [\"staff\"]",
                                        List.of("[\"root\"]", "\"staff\"", "[1]", "[null]", "{}", "null"))),
                new JsonTarget(
                        "admin-connection",
                        "PUT",
                        "/api/admin/scalepoint/connection",
                        admin(),
                        "{\"clientId\": \"hostile\", \"scopes\": [\"orderdata\"], \"tenant\": \"t\", \"country\": \"dk\"}",
                        Map.of(
                                "\"clientId\": \"hostile\"",
                                stringRefusals(),
                                "\"scopes\": [\"orderdata\"]",
                                List.of("[1]", "\"orderdata\"", "{}", "[[]]"))),
                new JsonTarget(
                        "admin-jobs-retry",
                        "POST",
                        "/api/admin/jobs/retry",
                        admin(),
                        "{\"ids\": [1]}",
                        Map.of(
                                "\"ids\": [1]",
                                List.of(
                                        "[1e400]",
                                        "[123456789012345678901234567890]",
                                        "[9223372036854775808]",
                                        "[1.5]",
                                        "[\"1\"]",
                                        "[null]",
                                        "[]",
                                        "{}",
                                        "1",
                                        "null",
                                        "[" + "1,".repeat(1000) + "1]"))));
        for (var target : targets) {
            cases.addAll(jsonAttacks(target));
        }
        cases.addAll(tokenAttacks(client));
        cases.addAll(authenticationAttacks(merchant));
        cases.addAll(pathAttacks(merchant));
        cases.addAll(protocolAttacks(merchant));
        cases.addAll(healthAndMetrics());
        return cases;
    }

    static List<String> stringRefusals() {
        return List.of(
                "1",
                "1e400",
                "null",
                "true",
                "[]",
                "{}",
                "\"\"",
                "\"   \"",
                "[\"a\"]",
                "{\"a\": \"b\"}",
                "\"a\\u0000b\"");
    }

    static List<String> numberRefusals() {
        return List.of(
                "1e400",
                "123456789012345678901234567890",
                "2147483648",
                "-1",
                "0",
                "-0",
                "1.5",
                "1e-400",
                "\"1\"",
                "null",
                "[1]",
                "{}",
                "true",
                "NaN",
                "Infinity",
                "0x10",
                "00012",
                "+1",
                ".5",
                "1e",
                "-");
    }

    static List<String> warehouseRefusals() {
        return List.of(
                "[1e400]",
                "[123456789012345678901234567890]",
                "[9223372036854775808]",
                "[1.5]",
                "[\"1\"]",
                "[null]",
                "[true]",
                "[[1]]",
                "{}",
                "\"1\"",
                "1",
                "[NaN]",
                "[0x10]");
    }

    static List<String> orderTokenRefusals() {
        return List.of(
                "1",
                "1e400",
                "null",
                "[]",
                "{}",
                "\"\"",
                "\"not-a-guid\"",
                "\"../../etc/passwd\"",
                "\"BC6270D7-B0FB-434F-BF83-93E361C335CD\\u0000\"",
                "\"BC6270D7-B0FB-434F-BF83-93E361C335CD' OR '1'='1\"");
    }

    static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    List<Case> jsonAttacks(JsonTarget t) {
        var cases = new ArrayList<Case>();
        var valid = t.validBody();
        var utf8 = valid.getBytes(StandardCharsets.UTF_8);
        // truncated
        for (int cut : new int[] {
            1, 2, valid.length() / 4, valid.length() / 2, valid.length() * 3 / 4, valid.length() - 1, valid.length() - 2
        }) {
            cases.add(json(t, "truncated", "cut at " + cut, valid.substring(0, cut)));
        }
        cases.add(json(t, "truncated", "empty body", ""));
        cases.add(json(t, "truncated", "whitespace only", "  \n "));
        // deeply nested
        cases.add(json(t, "nested", "100,000 open arrays", "[".repeat(100_000)));
        cases.add(json(t, "nested", "50,000 closed arrays", "[".repeat(50_000) + "]".repeat(50_000)));
        cases.add(json(t, "nested", "20,000 nested objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)));
        cases.add(json(
                t,
                "nested",
                "valid body with a 20,000-deep member",
                valid.replaceFirst("\\{", "{\"deep\": " + "[".repeat(20_000) + "]".repeat(20_000) + ",")));
        // 10 MB, declared and chunked
        var huge = new byte[TEN_MB];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        cases.add(new Case(
                t.group(),
                "10 MB declared",
                Expect.PROBLEM,
                request(t.method(), t.path(), t.authorization(), "application/json", huge, false)));
        cases.add(new Case(
                t.group(),
                "10 MB chunked",
                Expect.PROBLEM,
                request(t.method(), t.path(), t.authorization(), "application/json", huge, true)));
        // invalid UTF-8 inside the first string value
        int quote = valid.indexOf('"', valid.indexOf(':') + 1) + 1;
        var invalid = Map.of(
                "0xFF",
                new byte[] {(byte) 0xFF},
                "overlong slash",
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                "encoded surrogate",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "lone continuation",
                new byte[] {(byte) 0x80},
                "cut sequence",
                new byte[] {(byte) 0xE2, (byte) 0x82},
                "5-byte form",
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        invalid.forEach((name, bytes) -> cases.add(new Case(
                t.group(),
                "invalid UTF-8: " + name,
                Expect.PROBLEM,
                request(
                        t.method(),
                        t.path(),
                        t.authorization(),
                        "application/json",
                        splice(utf8, quote, bytes),
                        false))));
        cases.add(new Case(
                t.group(),
                "UTF-16 body",
                Expect.PROBLEM,
                request(
                        t.method(),
                        t.path(),
                        t.authorization(),
                        "application/json",
                        valid.getBytes(StandardCharsets.UTF_16LE),
                        false)));
        cases.add(json(t, "encoding", "byte order mark", "\uFEFF" + valid));
        // duplicate member names
        for (var field : t.refusedValues().keySet()) {
            var name = field.substring(0, field.indexOf(':'));
            cases.add(json(t, "duplicate", name + " twice", valid.replace(field, field + ", " + field)));
            cases.add(json(
                    t,
                    "duplicate",
                    name + " twice, other value",
                    valid.replace(field, field + ", " + name + ": \"other\"")));
        }
        cases.add(json(t, "duplicate", "unknown member twice", valid.replaceFirst("\\{", "{\"x\": 1, \"x\": 2,")));
        // wrong types, huge numbers, not JSON values
        t.refusedValues().forEach((field, values) -> {
            var name = field.substring(0, field.indexOf(':'));
            for (var value : values) {
                cases.add(
                        json(t, "value", name + " = " + abbreviate(value), valid.replace(field, name + ": " + value)));
            }
        });
        for (var document : List.of(
                "[]",
                "\"text\"",
                "42",
                "null",
                "true",
                "[" + valid + "]",
                valid + valid,
                valid + " garbage",
                "{'single': 'quotes'}",
                "{\"a\": 1,}",
                "/* comment */ " + valid)) {
            cases.add(json(
                    t,
                    "document",
                    abbreviate(document.length() > 20 ? document.substring(0, 20) : document),
                    document));
        }
        // media types
        for (var type : List.of(
                "",
                "text/plain",
                "json",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=latin1",
                "application/json; charset=utf-16",
                "application/json; charset=\"iso-8859-1\"",
                "application/json/extra",
                "application/",
                "/json",
                "application/json; charset",
                "application/json; =utf-8",
                "application/+json",
                "*/*",
                "application/*")) {
            cases.add(new Case(
                    t.group(),
                    "media type '" + type + "'",
                    Expect.PROBLEM,
                    request(t.method(), t.path(), t.authorization(), type.isEmpty() ? null : type, utf8, false)));
        }
        // Payara refuses a NUL in a header value itself
        cases.add(new Case(
                t.group(),
                "media type with NUL",
                Expect.CONTAINER,
                request(t.method(), t.path(), t.authorization(), "application/json\u0000", utf8, false)));
        // wrong methods
        for (var method : List.of("GET", "DELETE", "PATCH", t.method().equals("PUT") ? "POST" : "PUT")) {
            if (method.equals("GET")
                    && List.of("/api/admin/scayle/merchants", "/api/admin/users", "/api/admin/scalepoint/connection")
                            .contains(t.path())) {
                continue; // a list or the connection: a valid request
            }
            // Grizzly refuses a GET or DELETE with a body itself (see "protocol")
            var withBody = !method.equals("GET") && !method.equals("DELETE");
            cases.add(new Case(
                    t.group(),
                    "method " + method,
                    Expect.PROBLEM,
                    request(
                            method,
                            t.path(),
                            t.authorization(),
                            withBody ? "application/json" : null,
                            withBody ? utf8 : null,
                            false)));
        }
        return cases;
    }

    Case json(JsonTarget t, String kind, String name, String body) {
        return new Case(
                t.group(),
                kind + ": " + name,
                Expect.PROBLEM,
                request(
                        t.method(),
                        t.path(),
                        t.authorization(),
                        "application/json",
                        body.getBytes(StandardCharsets.UTF_8),
                        false));
    }

    static byte[] splice(byte[] body, int at, byte[] inserted) {
        var out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    List<Case> tokenAttacks(Client client) {
        var cases = new ArrayList<Case>();
        var good = basic(client.clientId(), client.clientSecret());
        var form = "application/x-www-form-urlencoded";
        Function<String, byte[]> bytes = s -> s.getBytes(StandardCharsets.UTF_8);
        var bodies = new LinkedHashMap<String, byte[]>();
        bodies.put("no grant_type", bytes.apply("scope=ordergate.events"));
        bodies.put("password grant", bytes.apply("grant_type=password&username=a&password=b"));
        bodies.put("grant_type twice", bytes.apply("grant_type=client_credentials&grant_type=password"));
        bodies.put("other scope", bytes.apply("grant_type=client_credentials&scope=admin"));
        bodies.put("bad %-encoding", bytes.apply("grant_type=client%ZZcredentials"));
        bodies.put("truncated %", bytes.apply("grant_type=client_credentials%"));
        bodies.put("NUL in grant", bytes.apply("grant_type=client_credentials%00"));
        bodies.put(
                "invalid UTF-8",
                splice(bytes.apply("grant_type=client_credentials&scope="), 36, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        bodies.put("JSON body as form", bytes.apply("{\"grant_type\":\"client_credentials\"}"));
        bodies.put("empty", new byte[0]);
        bodies.put("100,000 parameters", bytes.apply("a=1&".repeat(100_000)));
        bodies.forEach((name, body) -> cases.add(new Case(
                "oauth-token", name, Expect.OAUTH_ERROR, request("POST", "/oauth/token", good, form, body, false))));
        var huge = new byte[TEN_MB];
        Arrays.fill(huge, (byte) 'a');
        System.arraycopy(bytes.apply("grant_type=client_credentials&x="), 0, huge, 0, 32);
        cases.add(new Case(
                "oauth-token",
                "10 MB declared",
                Expect.OAUTH_ERROR,
                request("POST", "/oauth/token", good, form, huge, false)));
        cases.add(new Case(
                "oauth-token",
                "10 MB chunked",
                Expect.OAUTH_ERROR,
                request("POST", "/oauth/token", good, form, huge, true)));
        var grant = bytes.apply("grant_type=client_credentials");
        for (var type : List.of("", "application/json", "text/plain", "json", "multipart/form-data; boundary=x")) {
            cases.add(new Case(
                    "oauth-token",
                    "media type '" + type + "'",
                    Expect.OAUTH_ERROR,
                    request("POST", "/oauth/token", good, type.isEmpty() ? null : type, grant, false)));
        }
        for (var authorization : List.of(
                "Basic",
                "Basic !!!",
                "Basic " + b64("no-colon"),
                "Bearer x",
                basic(client.clientId(), "wrong"),
                "Basic " + b64(client.clientId() + ":\u0000"))) {
            cases.add(new Case(
                    "oauth-token",
                    "authorization '" + abbreviate(authorization) + "'",
                    Expect.OAUTH_ERROR,
                    request("POST", "/oauth/token", authorization, form, grant, false)));
        }
        cases.add(new Case(
                "oauth-token",
                "method PUT",
                Expect.OAUTH_ERROR,
                request("PUT", "/oauth/token", good, form, grant, false)));
        cases.add(new Case(
                "oauth-token",
                "method GET",
                Expect.OAUTH_ERROR,
                request("GET", "/oauth/token?grant_type=client_credentials", good, null, null, false)));
        return cases;
    }

    static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    List<Case> authenticationAttacks(Merchant merchant) {
        var cases = new ArrayList<Case>();
        var body = Orders.delegation(merchant.key(), Orders.newReference()).getBytes(StandardCharsets.UTF_8);
        var values = new LinkedHashMap<String, String>();
        values.put("none", null);
        values.put("empty", "");
        values.put("scheme only", "Basic");
        values.put("not base64", "Basic %%%");
        values.put("no colon", "Basic " + b64(merchant.username()));
        values.put("wrong password", basic(merchant.username(), "wrong"));
        values.put("10 KB user name", basic("u".repeat(10_000), "x"));
        values.put("NUL in the user name", "Basic " + b64(merchant.username() + "\u0000:" + merchant.password()));
        values.put("bearer instead of basic", "Bearer " + merchant.password());
        values.put("SQL in the user name", basic("' OR '1'='1", "x"));
        // above Grizzly's 8 KiB header limit: refused before the application runs
        values.forEach((name, value) -> cases.add(new Case(
                "auth-scayle",
                name,
                name.startsWith("10 KB") ? Expect.CONTAINER : Expect.PROBLEM,
                request("POST", "/api/scayle/order-delegations", value, "application/json", body, false))));
        for (var value : List.of(
                "Bearer", "Bearer not.a.jwt", "Bearer " + "x".repeat(10_000), "Basic " + b64("a:b"), "bearer  ")) {
            cases.add(new Case(
                    "auth-scalepoint",
                    abbreviate(value),
                    value.length() > 8192 ? Expect.CONTAINER : Expect.PROBLEM,
                    request(
                            "POST",
                            "/api/scalepoint/events",
                            value,
                            "application/json",
                            ScalepointEvents.orderCreated(
                                            newOrderToken(), UUID.randomUUID().toString(), "2020-04-28T20:43:35+02:00")
                                    .getBytes(StandardCharsets.UTF_8),
                            false)));
        }
        for (var value : Arrays.asList(
                null,
                "Basic",
                basic("admin", "wrong"),
                "Basic " + b64("admin"),
                basic(merchant.username(), merchant.password()))) {
            cases.add(new Case(
                    "auth-admin",
                    String.valueOf(value),
                    Expect.PROBLEM,
                    request("GET", "/api/admin/scayle/merchants", value, null, null, false)));
        }
        return cases;
    }

    List<Case> pathAttacks(Merchant merchant) {
        var cases = new ArrayList<Case>();
        var ids = List.of(
                "..%2f..%2fusers",
                "%2e%2e%2f%2e%2e%2fusers",
                "%2e%2e/%2e%2e/users",
                "..;/..;/users",
                "..%252f..%252fusers",
                "%00",
                "x%00y",
                "%c0%ae%c0%ae%2f",
                "..%5c..%5cwindows",
                "%ff%fe",
                "1%0d%0aSet-Cookie:%20x=1",
                "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "%2E%2E",
                "x%2F..%2F..%2F..%2Fconsole",
                "%u002e%u002e",
                "..\\..\\x",
                "%25",
                "%",
                "%zz",
                "a%2",
                "{merchantKey}",
                "%27%20OR%20%271%27%3D%271",
                "x".repeat(3000));
        var templates = List.of(
                "/api/admin/scayle/merchants/%s/credentials",
                "/api/admin/scayle/delegations/" + merchant.key() + "/%s",
                "/api/admin/scalepoint/orders/%s",
                "/api/admin/jobs/%s");
        // Payara refuses these paths before the application runs: "400 Invalid URI" without a body
        // (the long %2e%2e%2f chain only where it climbs above the root)
        var refusedByPayara = List.of(
                "%00",
                "x%00y",
                "%c0%ae%c0%ae%2f",
                "..%5c..%5cwindows",
                "%ff%fe",
                "..\\..\\x",
                "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd");
        var undecodable = List.of("%u002e%u002e", "%", "%zz", "a%2");
        for (var template : templates) {
            for (var id : ids) {
                var expect = refusedByPayara.contains(id)
                        ? Expect.CONTAINER
                        : undecodable.contains(id) ? Expect.UNDECODABLE_PATH : Expect.PROBLEM;
                cases.add(new Case(
                        "path-traversal",
                        template.formatted(abbreviate(id.length() > 40 ? id.substring(0, 40) : id)),
                        expect,
                        request("GET", template.formatted(id), admin(), null, null, false)));
            }
        }
        for (var path : List.of(
                "/api/admin/../../etc/passwd",
                "/api/admin/%2e%2e/%2e%2e/etc/passwd",
                "/api/admin/scayle/merchants/%2e%2e%2f%2e%2e%2f%2e%2e%2f",
                "/api/scayle/order-delegations/%2e%2e",
                "/api/scayle/../admin/users",
                "/api/scayle/%2e%2e/admin/users",
                "/api/%2e%2e/oauth/token",
                "/api/admin/jobs/1/../../../../",
                "/api//admin//no-such",
                "/api/admin/jobs/x;jsessionid=x",
                "/api/no-such-thing",
                "/api/admin/no-such-thing",
                "/api/scalepoint/events/%2e%2e%2f%2e%2e%2f")) {
            cases.add(
                    new Case("path-traversal", path, Expect.PROBLEM, request("GET", path, admin(), null, null, false)));
        }
        cases.add(new Case(
                "path-traversal",
                "DELETE /api/admin/scayle/merchants/x/credentials/..%2F..%2F..%2Fusers",
                Expect.PROBLEM,
                request(
                        "DELETE",
                        "/api/admin/scayle/merchants/x/credentials/..%2F..%2F..%2Fusers",
                        admin(),
                        null,
                        null,
                        false)));
        return cases;
    }

    List<Case> protocolAttacks(Merchant merchant) {
        var cases = new ArrayList<Case>();
        var body = "{}".getBytes(StandardCharsets.UTF_8);
        var path = "/api/scayle/order-delegations";
        var auth = merchant.authorization();
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Request-Id with CR", "X-Request-Id: a\rInjected: 1");
        headers.put("X-Request-Id with LF", "X-Request-Id: a\nInjected: 1");
        headers.put("X-Request-Id with NUL", "X-Request-Id: a\u0000b");
        headers.put("X-Request-Id of 5,000 characters", "X-Request-Id: " + "r".repeat(5000));
        headers.put("obsolete line folding", "X-Request-Id: a\r\n folded");
        headers.put("control characters", "X-Request-Id: \u0001\u0002\u001b[31m");
        headers.put("20 KB header", "X-Padding: " + "p".repeat(20_000));
        headers.put("500 headers", "X-H: 1\r\n".repeat(499) + "X-H: 1");
        headers.put("header without colon", "NoColonHere");
        headers.put("space before colon", "X-Request-Id : a");
        headers.put("non-ASCII header value", "X-Request-Id: \u00e9\u00e8");
        headers.forEach((name, header) -> cases.add(new Case(
                "headers",
                name,
                Expect.CONTAINER,
                raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth
                        + "\r\nContent-Type: application/json\r\n" + header + "\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n{}"))));
        var framing = new LinkedHashMap<String, String>();
        framing.put("two different Content-Length", "Content-Length: 2\r\nContent-Length: 5");
        framing.put("Content-Length and chunked", "Content-Length: 2\r\nTransfer-Encoding: chunked");
        framing.put("negative Content-Length", "Content-Length: -1");
        framing.put("non-numeric Content-Length", "Content-Length: two");
        framing.put("huge Content-Length", "Content-Length: 99999999999999999999");
        framing.put("unknown Transfer-Encoding", "Transfer-Encoding: gzip, chunked, bogus");
        framing.forEach((name, header) -> cases.add(new Case(
                "framing",
                name,
                Expect.CONTAINER,
                raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth
                        + "\r\nContent-Type: application/json\r\n" + header + "\r\nConnection: close\r\n\r\n{}"))));
        cases.add(new Case(
                "framing",
                "GET with a body",
                Expect.CONTAINER,
                raw("GET /api/admin/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: " + admin()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")));
        cases.add(new Case(
                "framing",
                "broken chunk size",
                Expect.CONTAINER,
                raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + auth
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "zz\r\n{}\r\n0\r\n\r\n")));
        for (var line : List.of(
                "GARBAGE",
                "GET",
                "GET /api/admin/no-such",
                "GET /api/admin/no-such HTTP/9.9",
                "GET  /api/admin/no-such  HTTP/1.1",
                "G\u0000T /api/admin/no-such HTTP/1.1",
                "GET /api/admin/\u0000 HTTP/1.1",
                "GET /api/admin/\u00ff\u00fe HTTP/1.1",
                "GET /api/%zz HTTP/1.1",
                "GET /api/%c0%ae%c0%ae/x HTTP/1.1",
                "GET " + "/a".repeat(10_000) + " HTTP/1.1",
                "GET http://evil.example/api/admin/no-such HTTP/1.1",
                "GET * HTTP/1.1",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000")) {
            cases.add(new Case(
                    "request-line",
                    abbreviate(line.replace("\u0000", "\\0")),
                    line.contains("%zz") ? Expect.UNDECODABLE_PATH : Expect.CONTAINER,
                    raw(line + "\r\nHost: x\r\nAuthorization: " + admin() + "\r\nConnection: close\r\n\r\n")));
        }
        return cases;
    }

    List<Case> healthAndMetrics() {
        var cases = new ArrayList<Case>();
        for (var path : List.of("/health", "/health/ready", "/health/live", "/metrics")) {
            cases.add(new Case(
                    "health-metrics",
                    "GET " + path + " with a garbage Accept",
                    Expect.NO_SERVER_ERROR,
                    raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept: ;;;/\u0001\r\nConnection: close\r\n\r\n")));
            cases.add(new Case(
                    "health-metrics",
                    "POST " + path + " with 1 MB",
                    Expect.NO_SERVER_ERROR,
                    request("POST", path, null, "application/json", new byte[1024 * 1024], false)));
            cases.add(new Case(
                    "health-metrics",
                    "GET " + path + "/%2e%2e%2f%2e%2e%2f",
                    Expect.NO_SERVER_ERROR,
                    request("GET", path + "/%2e%2e%2f%2e%2e%2f", null, null, null, false)));
            cases.add(new Case(
                    "health-metrics",
                    "GET " + path + "?%zz=%",
                    Expect.NO_SERVER_ERROR,
                    request("GET", path + "?%zz=%", null, null, null, false)));
            cases.add(new Case(
                    "health-metrics",
                    "DELETE " + path,
                    Expect.NO_SERVER_ERROR,
                    request("DELETE", path, null, null, null, false)));
        }
        return cases;
    }

    // ---- raw HTTP/1.1

    static byte[] request(
            String method, String path, String authorization, String contentType, byte[] body, boolean chunked) {
        var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null && chunked) {
            for (int offset = 0; offset < body.length; offset += 65_536) {
                int n = Math.min(65_536, body.length - offset);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** A request exactly as written (ISO-8859-1, so every char is one byte). */
    static byte[] raw(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the bytes and reads the answer up to the end of the connection; status -1 if none came. */
    Answer exchange(byte[] request) throws IOException {
        try (var socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            try {
                var out = socket.getOutputStream();
                for (int offset = 0; offset < request.length; offset += 65_536) {
                    out.write(request, offset, Math.min(65_536, request.length - offset));
                }
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server answered and closed before taking everything: read its answer
            }
            var response = readAll(socket);
            return parse(response);
        }
    }

    static byte[] readAll(Socket socket) throws IOException {
        var buffer = new ByteArrayOutputStream();
        var bytes = new byte[65_536];
        try {
            var in = socket.getInputStream();
            int n;
            while ((n = in.read(bytes)) != -1) {
                buffer.write(bytes, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer: keep what came
        }
        return buffer.toByteArray();
    }

    static Answer parse(byte[] response) {
        var text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(-1, Map.of(), response);
        }
        var lines = text.substring(0, end).split("\r\n");
        var status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        var body = Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        var text = new String(chunked, StandardCharsets.ISO_8859_1);
        int position = 0;
        while (position < text.length()) {
            int lineEnd = text.indexOf("\r\n", position);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(
                    text.substring(position, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    // ---- the database

    static Map<String, Long> tableCounts() {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : BUSINESS_TABLES) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** Without the background workers' records (fetches, publications of earlier test classes' orders). */
    static Map<String, Long> auditCounts() {
        var counts = new TreeMap<String, Long>();
        rows("SELECT action, count(*) AS n FROM audit_record WHERE NOT (actor_type = 'system' AND actor = 'scalepoint') "
                        + "GROUP BY action")
                .forEach(row -> counts.put((String) row.get("action"), (Long) row.get("n")));
        return counts;
    }
}

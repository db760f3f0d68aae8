package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * The console's side of the calls OrderGate owes the platforms, in a real browser against
 * {@link ScayleAdminSimulator}: an admin saves and tests the SCAYLE Admin API connection (a wrong
 * token shows SCAYLE's 401); a shipment SCAYLE refuses with {@code errors[]} shows dead on the
 * order page with SCAYLE's words, staff retry it once SCAYLE is fixed and it reaches SCAYLE once,
 * auditors see no Retry; the dashboard counts what is stuck, each count opening its list, and
 * charts the current hour right. Screenshots land in target/screenshots (docs/screenshots/
 * dashboard.png, order-outbound.png and credentials-scayle-admin-api.png are copies).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboundConsoleIT extends ScayleAdminBase {

    @RegisterExtension
    final Browsers browsers = new Browsers(() -> uri(""));

    record DeadCall(long outboundId, String tracking) {}

    /** Ships item 1968655 under a new tracking number, which is returned. */
    String ship(ScayleOrder order) {
        var tracking = "T-" + UUID.randomUUID();
        var body = "{\"shipmentKey\":\"k-" + UUID.randomUUID() + "\",\"orderId\":\"" + order.orderId()
                + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"" + tracking + "\","
                + "\"shippedAt\":\"2026-12-08T09:00:00Z\",\"items\":[{\"itemId\":\"1968655\",\"quantity\":1}]}";
        var shipped =
                post("api/fulfilment/shipments", bearer, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(shipped.statusCode()).as(text(shipped)).isEqualTo(201);
        return tracking;
    }

    /** A shipment SCAYLE refuses with errors[]: its call ends dead. */
    DeadCall deadShipment(ScayleOrder order) {
        simulator().script(ScayleAdminSimulator.Reply.badRequest("carrier_unknown", "Carrier DHL is not configured."));
        var tracking = ship(order);
        long outboundId = await("the shipment of " + order.orderId() + " dead", WAIT, () -> {
            var rows = rows(
                    "SELECT outbound_id FROM ful_outbound WHERE order_id = ? AND status = 'dead'", order.orderId());
            return rows.isEmpty() ? null : (Long) rows.get(0).get("outbound_id");
        });
        return new DeadCall(outboundId, tracking);
    }

    static String outboundStatus(long outboundId) {
        return (String) rows("SELECT status FROM ful_outbound WHERE outbound_id = ?", outboundId)
                .get(0)
                .get("status");
    }

    static List<ScayleAdminSimulator.Call> acceptedShipments(String trackingNumber) {
        return simulator().accepted("shipments").stream()
                .filter(call -> call.body().contains("\"" + trackingNumber + "\""))
                .toList();
    }

    void saveConnectionInTheConsole(Browser browser, String token) {
        var url = browser.find("#admin-api-base-url input");
        url.sendKeys(Keys.chord(Keys.CONTROL, "a"), simulator().baseUrl(), Keys.TAB);
        browser.find("#admin-api-token input").sendKeys(token, Keys.TAB);
        browser.click("#admin-api-save");
        browser.waitForText("vaadin-notification-card", "Connection saved.");
        browser.waitUntilIdle();
    }

    @Test
    @Order(1)
    void anAdminSavesAndTestsTheConnectionAndAWrongTokenShowsScaylesRefusal() throws SQLException {
        forgetTheConnection();
        var token = "console-" + UUID.randomUUID();
        simulator().accessToken(token);

        var admin = browsers.loggedIn("admin");
        admin.open("credentials?tab=scayle-admin-api");
        admin.waitForText("#admin-api-saved", "Not connected yet");
        assertThat(admin.find("#admin-api-token-state input").getAttribute("value"))
                .isEqualTo("not set");

        saveConnectionInTheConsole(admin, token);
        admin.waitForText("#admin-api-saved", "by admin");
        assertThat(admin.find("#admin-api-token-state input").getAttribute("value"))
                .startsWith("set, changed ");
        assertThat(admin.find("#admin-api-token input").getAttribute("value")).isEmpty();
        admin.click("#admin-api-test");
        admin.waitForText("#admin-api-test-result", "Connected");
        assertThat(admin.find("#admin-api-test-result").getAttribute("data-ok")).isEqualTo("true");
        assertThat(admin.driver.getPageSource()).doesNotContain(token);
        admin.screenshot("credentials-scayle-admin-api");

        // a token SCAYLE does not know: the test says exactly what SCAYLE answered
        saveConnectionInTheConsole(admin, "wrong-" + UUID.randomUUID());
        admin.click("#admin-api-test");
        admin.waitForText("#admin-api-test-result", "Failed");
        assertThat(admin.find("#admin-api-test-result").getAttribute("data-ok")).isEqualTo("false");
        assertThat(admin.find("#admin-api-test-result").getText())
                .startsWith("Failed: SCAYLE's Admin API refused the access token (401 to GET /shops/");
        var tested =
                rows("SELECT outcome FROM audit_record WHERE action = 'scayle.admin-api.tested' AND actor = 'admin' "
                        + "ORDER BY occurred_at DESC, audit_id DESC LIMIT 2");
        assertThat(tested).extracting(row -> row.get("outcome")).containsExactly("failed", "ok");

        // the right token again; the base URL stays as saved
        saveConnectionInTheConsole(admin, token);
        admin.click("#admin-api-test");
        admin.waitForText("#admin-api-test-result", "Connected");

        // staff see the connection, read-only, without a token field or buttons
        var staff = browsers.loggedIn(Browsers.newUser("staff"));
        staff.open("credentials?tab=scayle-admin-api");
        staff.waitForText("#admin-api-saved", "by admin");
        assertThat(staff.find("#admin-api-base-url input").getAttribute("value"))
                .isEqualTo(simulator().baseUrl());
        assertThat(staff.find("#admin-api-base-url").getAttribute("readonly")).isNotNull();
        assertThat(staff.find("#admin-api-token-state input").getAttribute("value"))
                .startsWith("set, changed ");
        assertThat(staff.all("#admin-api-token")).isEmpty();
        assertThat(staff.all("#admin-api-save")).isEmpty();
        assertThat(staff.all("#admin-api-test")).isEmpty();
    }

    @Test
    @Order(2)
    void aDeadShipmentShowsScaylesErrorsAndStaffRetryItOnceScayleIsFixed() {
        connectScayle();
        var order = order();
        var dead = deadShipment(order);
        long outboundId = dead.outboundId();
        var statusCell = "#outbound-status-" + outboundId;
        var retry = "#outbound-retry-" + outboundId;

        // auditors read the call and SCAYLE's words, and have no Retry
        var auditor = browsers.loggedIn(Browsers.newUser("auditor"));
        auditor.open("orders/" + order.orderId());
        auditor.waitForText(statusCell, "dead");
        assertThat(ConsoleBrowserIT.cells(auditor, "#outbound"))
                .contains("scayle", "shipment", "400", "carrier_unknown: Carrier DHL is not configured.");
        assertThat(auditor.all(retry)).isEmpty();
        assertThat(auditor.all("#outbound vaadin-button")).isEmpty();

        var staff = browsers.loggedIn(Browsers.newUser("staff"));
        staff.open("orders/" + order.orderId());
        staff.waitForText(statusCell, "dead");
        var cells = ConsoleBrowserIT.cells(staff, "#outbound");
        assertThat(cells).contains("carrier_unknown: Carrier DHL is not configured.");
        assertThat(cells.stream().filter(cell -> cell.startsWith("1, last ")).count())
                .as("attempts with the time of the last in %s", cells)
                .isEqualTo(1);
        staff.find(retry);
        staff.screenshot("order-outbound");
        assertThat(acceptedShipments(dead.tracking())).isEmpty();

        // SCAYLE's side is fixed (the simulator answers normally again); staff retry
        staff.click(retry);
        staff.waitForText("vaadin-notification-card", "goes out again");
        await("the retried call sent", WAIT, () -> "sent".equals(outboundStatus(outboundId)) ? true : null);
        staff.open("orders/" + order.orderId());
        staff.waitForText(statusCell, "sent");
        assertThat(staff.all(retry)).isEmpty();
        assertThat(acceptedShipments(dead.tracking())).hasSize(1);
        // the dead job itself ran again: one job for the call, succeeded, and the retry is audited
        assertThat(rows(
                        "SELECT state FROM job WHERE job_type = 'fulfilment.scayle-call' AND dedupe_key = ?",
                        "ful_outbound:" + outboundId))
                .singleElement()
                .satisfies(job -> assertThat(job.get("state")).isEqualTo("succeeded"));
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.outbound.retried' "
                                + "AND subject_key = ?",
                        order.orderId()))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void theDashboardCountsWhatIsStuckAndChartsTheCurrentHour() {
        connectScayle();
        var stuck = order();
        deadShipment(stuck);
        var late = order();
        try (var db = ItEnvironment.connect();
                var update = db.prepareStatement(
                        "UPDATE ful_order SET received_at = now() - interval '5 days' WHERE order_id = ?")) {
            update.setString(1, late.orderId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long dead = count("SELECT count(*) FROM ful_outbound WHERE status = 'dead'");
        long notShipped = count("SELECT count(*) FROM ful_order WHERE status IN ('open', 'partially_shipped') "
                + "AND received_at < now() - interval '3 days'");
        assertThat(dead).isPositive();
        assertThat(notShipped).isPositive();

        var browser = browsers.loggedIn(Browsers.newUser("staff"));
        browser.open("");
        browser.find("#chart-failed");
        browser.waitUntilIdle();
        assertThat(browser.find("#stuck-dead-calls .count").getText()).isEqualTo(String.valueOf(dead));
        assertThat(browser.find("#stuck-not-shipped .count").getText()).isEqualTo(String.valueOf(notShipped));
        assertThat(browser.find("#stuck-disagreeing .count").getText())
                .isEqualTo(String.valueOf(
                        count("SELECT count(DISTINCT order_id) FROM ful_outbound WHERE status = 'dead'")));
        assertThat(browser.find("#stuck-attention .count").getText())
                .isEqualTo(String.valueOf(count("SELECT count(*) FROM ful_order WHERE attention IS NOT NULL")));

        // 72 hourly bars per chart, the last one this hour, each count as the database has it
        for (var chart : new String[] {"#chart-orders-in", "#chart-shipped", "#chart-failed"}) {
            assertThat(browser.all(chart + " .bar")).as(chart).hasSize(72);
        }
        var lastBar = browser.all("#chart-failed .bar").get(71);
        var hour = Instant.parse(lastBar.getAttribute("data-hour"));
        assertThat(hour).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now());
        var next = hour.plus(Duration.ofHours(1)).toString();
        var window = " >= CAST(? AS timestamptz) AND %s < CAST(? AS timestamptz)";
        long failedThisHour = count(
                "SELECT count(*) FROM ful_outbound WHERE status = 'dead' AND settled_at"
                        + window.formatted("settled_at"),
                hour.toString(),
                next);
        long inThisHour = count(
                "SELECT count(*) FROM ful_order WHERE received_at" + window.formatted("received_at"),
                hour.toString(),
                next);
        long shippedThisHour = count(
                "SELECT count(*) FROM ful_report WHERE kind = 'shipment' AND received_at"
                        + window.formatted("received_at"),
                hour.toString(),
                next);
        assertThat(failedThisHour).isPositive();
        assertThat(shippedThisHour).isPositive();
        assertThat(lastBar.getAttribute("data-count")).isEqualTo(String.valueOf(failedThisHour));
        assertThat(browser.all("#chart-orders-in .bar").get(71).getAttribute("data-count"))
                .isEqualTo(String.valueOf(inThisHour));
        assertThat(browser.all("#chart-shipped .bar").get(71).getAttribute("data-count"))
                .isEqualTo(String.valueOf(shippedThisHour));
        assertThat(browser.all("#chart-orders-in .bar").get(71).getAttribute("data-hour"))
                .isEqualTo(hour.toString());
        browser.screenshot("dashboard");

        // each count opens the list it counts
        browser.click("#stuck-not-shipped");
        browser.waitForPath("/orders");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/orders?notShippedAfter=3");
        browser.waitForText("#orders-total", notShipped == 1 ? "1 order" : notShipped + " orders");
        assertThat(ConsoleBrowserIT.cells(browser, "#orders")).contains(late.reference());
        browser.open("");
        browser.click("#stuck-dead-calls");
        browser.waitForPath("/jobs");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/jobs?state=dead");
    }
}

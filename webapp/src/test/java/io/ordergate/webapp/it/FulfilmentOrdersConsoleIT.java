package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's Orders view and order page in a real browser, over real orders of both platforms: a
 * SCAYLE delegation through the webhook, a Scalepoint order announced and fetched from the
 * simulator, a shipment reported through the fulfilment API and a SCAYLE cancellation after it
 * (which flags the order for staff). Each filter narrows the list; the order page shows the item
 * states and the timeline in order; staff mark the flag handled; auditors see it all but cannot.
 * Screenshots land in target/screenshots (docs/screenshots/orders.png and order.png are copies).
 */
class FulfilmentOrdersConsoleIT extends FulfilmentBase {

    static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final Browsers browsers = new Browsers(() -> uri(""));

    String bearer;
    Merchant merchant;

    record Order(String orderId, String reference, String skuA, String skuB) {}

    /** A SCAYLE order of the example (item 1968655: one unit of skuA; item 1968656: two of skuB), in stock. */
    Order scayleOrder() {
        if (bearer == null) {
            bearer = bearer(newFulfilmentClient());
            merchant = newMerchant();
        }
        var a = sku();
        var b = sku();
        stock(bearer, "{\"sku\":\"" + a + "\",\"onHand\":5},{\"sku\":\"" + b + "\",\"onHand\":5}");
        var reference = Orders.newReference();
        var body = Orders.delegation(merchant.key(), reference)
                .replace("SKU-1022643", a)
                .replace("SKU-738854", b);
        assertThat(delegate(merchant, body, "d-" + reference).statusCode()).isEqualTo(201);
        return new Order("scayle:" + merchant.key() + ":" + reference, reference, a, b);
    }

    /** A Scalepoint order announced and fetched: in the fulfilment model once its Order Data is there. */
    String scalepointOrder() {
        connect();
        var client = newClient();
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        var reference = token.toLowerCase(Locale.ROOT);
        assertThat(count("SELECT count(*) FROM ful_order WHERE order_id = ?", "scalepoint:" + reference))
                .isEqualTo(1);
        return reference;
    }

    void ship(Order order, String itemId, int units) {
        var key = "s-" + UUID.randomUUID();
        var body = "{\"shipmentKey\":\"" + key + "\",\"orderId\":\"" + order.orderId() + "\",\"carrier\":\"DHL\","
                + "\"trackingNumber\":\"T-1\",\"shippedAt\":\"2026-12-08T09:00:00Z\","
                + "\"items\":[{\"itemId\":\"" + itemId + "\",\"quantity\":" + units + "}]}";
        var response =
                post("api/fulfilment/shipments", bearer, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
    }

    /** SCAYLE cancels the whole order: what is left is cancelled; after a shipment the order is flagged. */
    void scayleCancels(Order order) {
        var response = post(
                "api/scayle/order-cancellations",
                merchant.authorization(),
                "application/json",
                CancellationIT.cancellation(order.reference(), merchant.key(), "[]")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
    }

    /** The order as if it had been received {@code days} ago: waiting for days is no test. */
    static void receivedDaysAgo(Order order, int days) {
        try (var connection = ItEnvironment.connect();
                var update = connection.prepareStatement(
                        "UPDATE ful_order SET received_at = now() - make_interval(days => ?) WHERE order_id = ?")) {
            update.setInt(1, days);
            update.setString(2, order.orderId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the list with the link's filters and waits for its total. */
    static List<String> list(Browser browser, String query, String total) {
        browser.open("orders" + query);
        browser.waitForText("#orders-total", total);
        browser.waitUntilIdle();
        assertThat(browser.find("#orders-total").getText()).as(query).isEqualTo(total);
        return ConsoleBrowserIT.cells(browser, "#orders");
    }

    @Test
    void theListShowsBothPlatformsWithTheirUnitsAndEachFilterNarrowsIt() {
        var shipped = scayleOrder();
        ship(shipped, "1968655", 1);
        scayleCancels(shipped); // shipped 1, the rest cancelled: status shipped, flagged
        var open = scayleOrder();
        receivedDaysAgo(open, 5);
        var scalepoint = scalepointOrder();

        var browser = browsers.loggedIn("admin");
        var navigation = ConsoleBrowserIT.navigation(browser);
        assertThat(navigation.indexOf("Orders")).isEqualTo(1);

        // both platforms, newest first, each row with its units and its flag
        browser.open("orders");
        browser.waitForText("#orders vaadin-grid-cell-content", scalepoint);
        var all = ConsoleBrowserIT.cells(browser, "#orders");
        assertThat(all).contains(shipped.reference(), scalepoint);
        assertThat(row(all, shipped.reference()))
                .contains(
                        "scayle",
                        merchant.key(),
                        "shipped",
                        "3 ordered · 3 deliverable · 1 shipped · 2 cancelled · 0 returned",
                        "⚠ needs attention");
        assertThat(row(all, scalepoint))
                .contains("scalepoint", "open", "1 ordered · 1 deliverable · 0 shipped · 0 cancelled · 0 returned");
        assertThat(all.indexOf(scalepoint)).isLessThan(all.indexOf(shipped.reference()));
        browser.screenshot("orders");

        // platform
        var scayleOnly = list(browser, "?platform=scayle&merchant=" + merchant.key(), "2 orders");
        assertThat(scayleOnly).contains(shipped.reference(), open.reference()).doesNotContain(scalepoint);
        browser.open("orders?platform=scalepoint");
        browser.waitForText("#orders vaadin-grid-cell-content", scalepoint);
        var scalepointOnly = ConsoleBrowserIT.cells(browser, "#orders");
        assertThat(scalepointOnly).doesNotContain(shipped.reference(), open.reference(), "scayle");
        // merchant (only SCAYLE orders have one), newest first: the open one was received 5 days ago
        var byMerchant = list(browser, "?merchant=" + merchant.key(), "2 orders");
        assertThat(byMerchant.indexOf(shipped.reference())).isLessThan(byMerchant.indexOf(open.reference()));
        // status
        assertThat(list(browser, "?merchant=" + merchant.key() + "&status=shipped", "1 order"))
                .contains(shipped.reference())
                .doesNotContain(open.reference());
        assertThat(list(browser, "?merchant=" + merchant.key() + "&status=open", "1 order"))
                .contains(open.reference())
                .doesNotContain(shipped.reference());
        assertThat(list(browser, "?merchant=" + merchant.key() + "&status=cancelled", "0 orders"))
                .doesNotContain(open.reference(), shipped.reference());
        // SKU: exact, any item
        assertThat(list(browser, "?sku=" + open.skuB(), "1 order")).contains(open.reference());
        assertThat(list(browser, "?sku=" + shipped.skuA(), "1 order")).contains(shipped.reference());
        assertThat(list(browser, "?sku=" + shipped.skuA().substring(0, 6), "0 orders"))
                .doesNotContain(shipped.reference());
        // not shipped after N days: received 5 days ago and nothing shipped yet; the shipped one is new
        assertThat(list(browser, "?merchant=" + merchant.key() + "&notShippedAfter=3", "1 order"))
                .contains(open.reference());
        assertThat(list(browser, "?merchant=" + merchant.key() + "&notShippedAfter=7", "0 orders"))
                .doesNotContain(open.reference());
        // needs attention
        assertThat(list(browser, "?merchant=" + merchant.key() + "&attention=true", "1 order"))
                .contains(shipped.reference())
                .doesNotContain(open.reference());

        // filters set on the page go into the address, so the list can be linked to
        browser.open("orders?merchant=" + merchant.key());
        browser.waitForText("#orders-total", "2 orders");
        browser.find("#filter-sku input").sendKeys(open.skuA(), Keys.TAB);
        browser.waitForText("#orders-total", "1 order");
        new WebDriverWait(browser.driver, Browser.WAIT)
                .until(d -> d.getCurrentUrl().contains("sku=" + open.skuA()));
        assertThat(browser.driver.getCurrentUrl()).contains("merchant=" + merchant.key());
        // a link that makes no sense is said, not failed on
        browser.open("orders?status=lost&notShippedAfter=soon&merchant=" + merchant.key());
        browser.waitForText("#filter-problem", "There is no status 'lost'");
        assertThat(browser.find("#filter-problem").getText()).contains("'notShippedAfter' in the link");
        browser.waitForText("#orders-total", "2 orders");

        // every listing the grid counted is on the trail, with its filter
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.orders.listed' AND actor = 'admin' "
                                + "AND detail->>'channel' = 'console' AND detail->>'filter' LIKE ?",
                        "%sku=" + open.skuB() + "%"))
                .isGreaterThanOrEqualTo(1);

        // a row opens its order; the Scalepoint order's page links to Scalepoint's own
        browser.open("orders?platform=scalepoint");
        browser.waitForText("#orders vaadin-grid-cell-content", scalepoint);
        browser.all("#orders vaadin-grid-cell-content").stream()
                .filter(cell -> cell.getText().equals(scalepoint))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waitForPath("/orders/scalepoint:" + scalepoint);
        browser.find("#timeline");
        assertThat(ConsoleBrowserIT.cells(browser, "#items")).contains("1", "5701234567890");
        var timeline = ConsoleBrowserIT.cells(browser, "#timeline");
        assertThat(timeline).contains("Order Data v1", "order.created v1");
        assertThat(timeline.indexOf("Order Data v1")).isLessThan(timeline.indexOf("order.created v1"));
        assertThat(browser.find("#attention").getText()).isEqualTo("Nothing needs attention.");
        assertThat(browser.find("#platform-link").getAttribute("href")).endsWith("scalepoint-orders/" + scalepoint);
    }

    @Test
    void theOrderPageShowsItemStatesAndTheTimelineStaffMarkTheFlagHandledAndAuditorsOnlyLook() {
        var order = scayleOrder();
        ship(order, "1968655", 1);
        scayleCancels(order);
        var auditor = Browsers.newUser("auditor");
        var staff = Browsers.newUser("staff");

        // auditors see the order and its flag, but no button, and the server refuses them too
        var looking = browsers.loggedIn(auditor);
        looking.open("orders/" + order.orderId());
        looking.waitForText("#attention-text", "after items had shipped");
        assertThat(looking.all("#mark-handled")).isEmpty();
        assertThat(ConsoleBrowserIT.cells(looking, "#items")).contains("1968655", order.skuA(), "1968656");
        var refused = post(
                "api/admin/fulfilment/orders/" + order.orderId() + "/attention/handled",
                basic(auditor, ADMIN_PASSWORD),
                "application/json",
                "{\"note\":\"by an auditor\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).as(text(refused)).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(rows("SELECT attention FROM ful_order WHERE order_id = ?", order.orderId())
                        .get(0)
                        .get("attention"))
                .isNotNull();
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.order.viewed' AND actor = ? "
                                + "AND subject_key = ? AND detail->>'channel' = 'console'",
                        auditor,
                        order.orderId()))
                .isEqualTo(1);

        var browser = browsers.loggedIn(staff);
        browser.open("orders/" + order.orderId());
        browser.find("#timeline");
        assertThat(browser.find("#order-status").getText())
                .isEqualTo("shipped · 3 ordered · 3 deliverable · 1 shipped · 2 cancelled · 0 returned");
        // the items table: item, SKU, name, warehouse, ordered, deliverable, shipped, cancelled, returned, left
        var items = ConsoleBrowserIT.cells(browser, "#items");
        int a = items.indexOf("1968655");
        assertThat(items.subList(a, a + 10)).containsSequence(order.skuA()).endsWith("1", "1", "1", "0", "0", "0");
        int b = items.indexOf("1968656");
        assertThat(items.subList(b, b + 10)).containsSequence(order.skuB()).endsWith("2", "2", "0", "2", "0", "0");
        // the timeline: SCAYLE's delivery, the feed, the report and its outbound row, SCAYLE's cancellation
        var timeline = ConsoleBrowserIT.cells(browser, "#timeline");
        assertThat(timeline)
                .containsSubsequence(
                        "delegation delivered: created, answered 201",
                        "order.created v1",
                        "shipment reported",
                        "order.updated v2",
                        "cancellation delivered: created, answered 201",
                        "order.updated v3");
        // the outbound row is written with the report (its feed change takes its time a moment later)
        assertThat(timeline)
                .containsSubsequence(
                        "shipment reported",
                        "shipment to scayle: pending",
                        "cancellation delivered: created, answered 201");
        assertThat(timeline).contains("cancellation");
        assertThat(browser.find("#platform-link").getAttribute("href"))
                .endsWith("delegations/" + merchant.key() + "/" + order.reference());
        browser.screenshot("order");

        browser.click("#mark-handled");
        browser.waitForDialog("Mark the flag handled");
        browser.find("#handled-confirm").click();
        browser.waitForDeepText("#handled-note", "Say in a few words what was done.");
        browser.find("#handled-note textarea").sendKeys("Customer called; the parcel is on its way, SCAYLE told.");
        browser.find("#handled-confirm").click();
        browser.waitForText("#attention", "Nothing needs attention.");
        browser.waitForText("#timeline vaadin-grid-cell-content", "attention handled by " + staff);
        assertThat(ConsoleBrowserIT.cells(browser, "#timeline"))
                .anySatisfy(cell -> assertThat(cell)
                        .startsWith("Customer called; the parcel is on its way, SCAYLE told.")
                        .contains("after items had shipped"));

        var handled = rows(
                "SELECT attention, note, handled_by FROM ful_attention_handled WHERE order_id = ?", order.orderId());
        assertThat(handled).hasSize(1);
        assertThat(handled.get(0).get("handled_by")).isEqualTo(staff);
        assertThat((String) handled.get(0).get("attention")).contains("after items had shipped");
        assertThat(rows("SELECT attention FROM ful_order WHERE order_id = ?", order.orderId())
                        .get(0)
                        .get("attention"))
                .isNull();
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.attention.cleared' AND actor = ? "
                                + "AND subject_key = ?",
                        staff,
                        order.orderId()))
                .isEqualTo(1);
        // a flag that is no longer there cannot be handled again
        var again = post(
                "api/admin/fulfilment/orders/" + order.orderId() + "/attention/handled",
                basic(staff, ADMIN_PASSWORD),
                "application/json",
                "{\"note\":\"again\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).as(text(again)).isEqualTo(409);

        // and the auditor sees the handling in the timeline
        looking = browsers.loggedIn(auditor);
        looking.open("orders/" + order.orderId());
        looking.waitForText("#timeline vaadin-grid-cell-content", "attention handled by " + staff);
        assertThat(looking.find("#attention").getText()).isEqualTo("Nothing needs attention.");
    }

    /** The texts of the cells of the row that holds {@code key}: Received, Platform, Merchant come before it. */
    static List<String> row(List<String> cells, String key) {
        int at = cells.indexOf(key);
        assertThat(at).as("row of %s in %s", key, cells).isGreaterThanOrEqualTo(3);
        return cells.subList(at - 3, Math.min(cells.size(), at + 4));
    }
}

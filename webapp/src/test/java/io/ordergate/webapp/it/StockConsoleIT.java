package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's Stock view in a real browser: levels the ERP set through the API and what an order
 * reserved of them, the reservations and the journal; a CSV upload whose errors are shown per line
 * and cannot be applied, and one that previews and applies (a level counted later than the file
 * is ignored and said); auditors see the stock and no upload. Screenshots land in
 * target/screenshots (docs/screenshots/stock*.png are copies).
 */
class StockConsoleIT extends FulfilmentBase {

    @RegisterExtension
    final Browsers browsers = new Browsers(() -> uri(""));

    /** Chooses a file in the upload as a user does, and waits for the preview to say what it read. */
    static void choose(Browser browser, String name, String content) {
        try {
            var directory = Files.createTempDirectory("ordergate-stock-");
            var file = directory.resolve(name);
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
            browser.find("#stock-upload")
                    .getShadowRoot()
                    .findElement(By.cssSelector("#fileInput"))
                    .sendKeys(file.toString());
            browser.waitForText("#upload-file", name);
            browser.waitUntilIdle();
            delete(file);
            delete(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    static boolean disabled(Browser browser, String css) {
        return browser.find(css).getDomAttribute("disabled") != null;
    }

    /** Waits until the count above a list says exactly this (a filter's list is refreshed a moment after typing). */
    static void waitForTotal(Browser browser, String css, String text) {
        new WebDriverWait(browser.driver, Browser.WAIT)
                .until(d -> browser.find(css).getText().strip().equals(text));
    }

    static void type(Browser browser, String css, String text) {
        var input = browser.find(css + " input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        browser.waitUntilIdle();
    }

    @Test
    void staffSeeLevelsReservationsAndTheJournalAndApplyACsvOnlyWhenItHasNoErrors() {
        var merchant = newMerchant();
        var bearer = bearer(newFulfilmentClient());
        var prefix = sku();
        var a = prefix + "-A";
        var b = prefix + "-B";
        var c = prefix + "-C";
        var later = prefix + "-L";
        stock(
                bearer,
                "{\"sku\":\"" + a + "\",\"onHand\":10},{\"sku\":\"" + b + "\",\"warehouse\":\"WH1\",\"onHand\":3}");
        // counted a little later than the file will say: the upload must leave it alone
        var ahead = put(
                "api/fulfilment/stock",
                bearer,
                report(Instant.now().plusSeconds(120), "{\"sku\":\"" + later + "\",\"onHand\":8}"));
        assertThat(ahead.statusCode()).as(text(ahead)).isEqualTo(200);
        // a SCAYLE order: one unit of a (the SKU as a whole), two of b from WH1
        var reference = Orders.newReference();
        var ordered = delegate(
                merchant,
                ScayleStockIT.order(merchant, reference, a, b),
                UUID.randomUUID().toString());
        assertThat(ordered.statusCode()).as(text(ordered)).isEqualTo(201);
        assertThat(ScayleStockIT.deliverable(ordered.body())).containsExactly(1, 2);
        var held = rows("SELECT order_id, item_id FROM stock_reservation WHERE sku IN (?, ?) ORDER BY sku", a, b);
        assertThat(held).hasSize(2);
        var orderId = (String) held.get(0).get("order_id");
        assertThat(orderId).contains(reference);

        var staff = Browsers.newUser("staff");
        var browser = browsers.loggedIn(staff);
        var navigation = ConsoleBrowserIT.navigation(browser);
        assertThat(navigation).containsSubsequence("Scalepoint orders", "Stock");
        assertThat(navigation.indexOf("Stock")).isEqualTo(navigation.indexOf("Scalepoint orders") + 1);
        browser.open("stock");

        // levels: the SKU's start finds all three, with what the order reserved
        type(browser, "#levels-sku", prefix);
        waitForTotal(browser, "#levels-total", "3 levels");
        assertThat(ConsoleBrowserIT.cells(browser, "#levels-grid"))
                .contains(a, "(whole SKU)", b, "WH1", later, "10", "9", "3", "2", "1", "8");
        browser.screenshot("stock");
        // one exact SKU
        type(browser, "#levels-sku", a);
        waitForTotal(browser, "#levels-total", "1 level");
        assertThat(ConsoleBrowserIT.cells(browser, "#levels-grid"))
                .contains(a, "10", "1", "9")
                .doesNotContain(b);
        // low stock: at most 1 available is only b (3 on hand, 2 reserved)
        type(browser, "#levels-sku", prefix);
        waitForTotal(browser, "#levels-total", "3 levels");
        type(browser, "#levels-available", "1");
        waitForTotal(browser, "#levels-total", "1 level");
        assertThat(ConsoleBrowserIT.cells(browser, "#levels-grid"))
                .contains(b, "WH1", "3", "2", "1")
                .doesNotContain(a, later);

        // reservations of the order
        browser.click("#tab-reservations");
        type(browser, "#reservations-order", orderId);
        waitForTotal(browser, "#reservations-total", "2 reservations");
        assertThat(ConsoleBrowserIT.cells(browser, "#reservations-grid"))
                .contains(
                        orderId,
                        (String) held.get(0).get("item_id"),
                        (String) held.get(1).get("item_id"),
                        a,
                        b,
                        "(whole SKU)",
                        "WH1",
                        "1",
                        "2");

        // the journal says the order reserved, newest first
        browser.click("#tab-journal");
        type(browser, "#journal-reference", orderId);
        waitForTotal(browser, "#journal-total", "2 changes");
        assertThat(ConsoleBrowserIT.cells(browser, "#journal-grid"))
                .contains("reserved", orderId, a, b, "10 → 10", "0 → 1", "3 → 3", "0 → 2")
                .anyMatch(cell -> cell.startsWith(merchant.username() + " ("));

        // a file with errors: each bad line says why, and nothing can be applied
        browser.click("#tab-upload");
        choose(
                browser,
                "bad.csv",
                "sku,warehouse,onHand\n" + a + ",,7\n" + b + ",WH1,-2\n" + a + ",,8\n" + c + ",WH1,lots\n");
        browser.waitForText("#upload-summary", "1 level, 3 errors");
        assertThat(ConsoleBrowserIT.cells(browser, "#upload-preview"))
                .contains(
                        a,
                        "7",
                        "'onHand' must be 0 or more.",
                        "Repeats the SKU and warehouse of line 2.",
                        "'onHand' must be a whole number of units, not 'lots'.");
        assertThat(browser.find("#upload-problem").getText()).contains("nothing is applied");
        assertThat(disabled(browser, "#upload-apply")).isTrue();

        // a good file (semicolons, a byte order mark, as a spreadsheet saves it) previews and applies
        choose(
                browser,
                "good.csv",
                "\uFEFFsku;warehouse;onHand\r\n" + a + ";;20\r\n" + b + ";WH1;5\r\n" + c + ";;4\r\n" + later
                        + ";;1\r\n");
        browser.waitForText("#upload-summary", "4 levels, 0 errors");
        assertThat(ConsoleBrowserIT.cells(browser, "#upload-preview")).contains(a, "20", b, "WH1", "5", c, "4");
        assertThat(browser.find("#upload-problem").getText()).isEmpty();
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> !disabled(browser, "#upload-apply"));
        browser.screenshot("stock-upload-preview");
        browser.click("#upload-apply");
        browser.waitForText("#upload-result", "Applied 3 of 4 levels");
        assertThat(browser.find("#upload-result").getText()).contains("1 ignored as older than the stored count");
        assertThat(ConsoleBrowserIT.cells(browser, "#upload-ignored")).contains(later);
        assertThat(disabled(browser, "#upload-apply")).isTrue();

        assertThat(count("SELECT on_hand FROM stock_level WHERE sku = ? AND warehouse = ''", a))
                .isEqualTo(20);
        assertThat(count("SELECT on_hand FROM stock_level WHERE sku = ? AND warehouse = 'WH1'", b))
                .isEqualTo(5);
        assertThat(count("SELECT on_hand FROM stock_level WHERE sku = ? AND warehouse = ''", later))
                .isEqualTo(8);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'stock.levels.uploaded' AND actor = ? "
                                + "AND detail->>'applied' = '3' AND detail->>'ignored' = '1'",
                        staff))
                .isEqualTo(1);

        // the lists show it: the new count with what is still reserved, and the staff member's change
        browser.click("#tab-levels");
        browser.find("#levels-available input").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.TAB);
        // the SKUs' start again: the three and the new one
        waitForTotal(browser, "#levels-total", "4 levels");
        type(browser, "#levels-sku", a);
        waitForTotal(browser, "#levels-total", "1 level");
        assertThat(ConsoleBrowserIT.cells(browser, "#levels-grid")).contains(a, "20", "1", "19");
        browser.click("#tab-journal");
        browser.find("#journal-reference input").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.TAB);
        type(browser, "#journal-sku", a);
        waitForTotal(browser, "#journal-total", "3 changes");
        assertThat(ConsoleBrowserIT.cells(browser, "#journal-grid"))
                .contains("level", staff + " (user)", "10 → 20", "1 → 1", "reserved", "→ 10");
    }

    @Test
    void anAuditorSeesTheStockButNoUpload() {
        var bearer = bearer(newFulfilmentClient());
        var sku = sku();
        stock(bearer, "{\"sku\":\"" + sku + "\",\"warehouse\":\"WH2\",\"onHand\":6}");

        var browser = browsers.loggedIn(Browsers.newUser("auditor"));
        assertThat(ConsoleBrowserIT.navigation(browser)).contains("Stock");
        browser.open("stock?tab=upload");
        type(browser, "#levels-sku", sku);
        waitForTotal(browser, "#levels-total", "1 level");
        assertThat(ConsoleBrowserIT.cells(browser, "#levels-grid")).contains(sku, "WH2", "6");
        assertThat(browser.all("#tab-journal")).hasSize(1);
        assertThat(browser.all("#tab-upload")).isEmpty();
        assertThat(browser.all("#stock-upload")).isEmpty();
        browser.click("#tab-journal");
        type(browser, "#journal-sku", sku);
        waitForTotal(browser, "#journal-total", "1 change");
        assertThat(ConsoleBrowserIT.cells(browser, "#journal-grid")).contains("level", "→ 6");
    }
}

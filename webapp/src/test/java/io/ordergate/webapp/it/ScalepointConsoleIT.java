package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordergate.webapp.it.ScalepointSimulator.Reply;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's Scalepoint orders in a real browser: the filtered list and an order's detail,
 * a refresh whose progress is pushed to the page while the (slow) fetch runs, the difference
 * between two Order Data versions, publishing an event through the form, and what auditors see.
 * Screenshots land in target/screenshots (docs/screenshots/scalepoint-order*.png are copies).
 */
class ScalepointConsoleIT extends ScalepointBase {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Pattern CORRELATION_ID = Pattern.compile("correlation id ([0-9A-F-]{36})");

    @RegisterExtension
    final Browsers browsers = new Browsers(() -> uri(""));

    Client client;

    @BeforeEach
    void connectToTheSimulator() {
        connect();
        client = newClient();
    }

    /** An order announced by the webhook and fetched (v1, status Created); its token as stored. */
    String fetchedOrder() {
        var token = newOrderToken();
        scalepoint().putOrder(token, orderData(token, "Created"));
        announce(client, token);
        awaitStatus(token, "fetched", WAIT);
        return token.toLowerCase(Locale.ROOT);
    }

    @Test
    void aFetchedOrderIsListedByStatusAndItsDetailShowsTheCaseLinesAndDelivery() {
        var token = fetchedOrder();
        var browser = browsers.loggedIn("admin");
        assertThat(ConsoleBrowserIT.navigation(browser)).contains("Scalepoint orders");

        // the dashboard's numbers lead to the list filtered by that status
        browser.click("#scalepoint-fetched");
        browser.waitForPath("/scalepoint-orders");
        assertThat(browser.driver.getCurrentUrl()).endsWith("scalepoint-orders?status=fetched");
        browser.waitForText("#scalepoint-orders vaadin-grid-cell-content", token);
        var row = row(browser, token);
        assertThat(row).contains("CH60158270", "fetched", "Created", "1", "6999.00 DKK", "Aarhus C, DK");
        browser.screenshot("scalepoint-orders");

        // the same order is not among the dead ones
        browser.open("scalepoint-orders?status=dead");
        assertThat(ConsoleBrowserIT.cells(browser, "#scalepoint-orders")).doesNotContain(token);
        // the day it was announced on, in the browser's zone, as the dashboard links it
        var today = LocalDate.ofInstant(
                ((Timestamp) rows("SELECT created_at FROM sp_order WHERE order_token = ?", token)
                                .get(0)
                                .get("created_at"))
                        .toInstant(),
                ZoneId.of(ConsoleBrowserIT.BROWSER_ZONE));
        var listed = "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.orders.listed' "
                + "AND actor = 'admin' AND detail->>'channel' = 'console'";
        long listedBefore = count(listed);
        browser.open("scalepoint-orders?from=" + today + "&to=" + today);
        browser.waitForText("#scalepoint-orders vaadin-grid-cell-content", token);
        // the rows carry claimants' names and e-mails: the listing is on the trail, once per count
        assertThat(count(listed)).isGreaterThan(listedBefore);
        browser.open("scalepoint-orders?from=" + today.plusDays(1));
        assertThat(ConsoleBrowserIT.cells(browser, "#scalepoint-orders")).doesNotContain(token);
        // filters in a link that make no sense are said, not failed on
        browser.open("scalepoint-orders?status=bogus&from=17.11.2026");
        browser.waitForText("#filter-problem", "There is no status 'bogus'");
        assertThat(browser.find("#filter-problem").getText())
                .contains("pending, fetched, failed, dead")
                .contains("'from' in the link is not a date like 2026-03-01: '17.11.2026'");
        browser.waitForText("#scalepoint-orders vaadin-grid-cell-content", token);

        browser.all("#scalepoint-orders vaadin-grid-cell-content").stream()
                .filter(cell -> cell.getText().equals(token))
                .findFirst()
                .orElseThrow()
                .click();
        browser.waitForPath("/scalepoint-orders/" + token);
        var caseData = browser.find("#case").getText();
        assertThat(caseData)
                .contains(
                        token,
                        "CH60158270",
                        "contentClaim",
                        "c.8418F893-02AF-43AF-802B-F7F71C243969",
                        "91c034af-a24f-42e7-81cb-a293d466f445",
                        "7001234",
                        "Created",
                        "6999.00 DKK",
                        "v1");
        assertThat(ConsoleBrowserIT.cells(browser, "#lines"))
                .contains("1", "5701234567890", "Samsung TV 55\"", "6999.00 DKK");
        assertThat(browser.find("#delivery").getText())
                .contains("Jens Hansen, Vestergade 1, 8000 Aarhus C, DK", "+4512345678", "jens@example.dk");
        assertThat(browser.find("#snapshot-v1-body").getText())
                .contains("\"somethingNew\": {")
                .contains("\"kept\": true");
        assertThat(ConsoleBrowserIT.cells(browser, "#attempts")).contains("new-version", "200", "v1");
        assertThat(ConsoleBrowserIT.cells(browser, "#events")).contains("order_created", "1.0.0");
        assertThat(browser.find("#order-status").getText()).isEqualTo("fetched");
        // the admin API's reads that waited for the fetch are audited too, as channel 'api'
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.order.viewed' "
                                + "AND subject_key = ? AND actor = 'admin' AND detail->>'channel' = 'console'",
                        token))
                .isEqualTo(1);
    }

    @Test
    void staffRefreshAndWatchTheSlowFetchRunAndEndInANewVersionWhoseDifferenceIsShown() {
        var token = fetchedOrder();
        // Scalepoint's token is upper case; only the status changes
        scalepoint().putOrder(token, orderData(token.toUpperCase(Locale.ROOT), "Shipped"));
        // slow enough that the page must be told about the running fetch before it ends (and
        // below the tests' 2 s read timeout, ORDERGATE_SCALEPOINT_READ_TIMEOUT)
        scalepoint().script(token, Reply.slow(Duration.ofMillis(1300)));
        var browser = browsers.loggedIn(Browsers.newUser("staff"));
        browser.open("scalepoint-orders/" + token);
        browser.find("#case");
        assertThat(browser.all("#snapshot-diff")).isEmpty();
        // every text the progress shows, as the browser receives it, and a mark a reload would lose
        browser.driver.executeScript("""
                window.ogProgress = [];
                window.ogSamePage = true;
                const progress = document.getElementById('refresh-progress');
                new MutationObserver(() => window.ogProgress.push(progress.textContent))
                    .observe(progress, {childList: true, characterData: true, subtree: true});""");

        // The page follows the refresh on the server's default scheduler, whose one thread also seals
        // the audit trail: a sealing backlog left by earlier tests would hold the page's polls back
        // for seconds, past the whole running fetch. So the backlog is worked off first.
        awaitAllSealed();

        browser.find("#refresh-order").click();

        // Then the refresh's own end, not a guess at when its running state shows: the job is claimed
        // once a worker is free (a job of an earlier test may still hold one for its back-off and
        // read timeout), then fetches for 1.3 s; WAIT covers that as it covers every fetch here.
        new WebDriverWait(browser.driver, WAIT)
                .withMessage(() -> "the refresh to end in v2; the page shows: "
                        + browser.find("#refresh-progress").getText())
                .until(d ->
                        browser.find("#refresh-progress").getText().matches(".*: (fetched|unchanged|failed|dead).*"));
        @SuppressWarnings("unchecked")
        var seen = (List<String>) browser.driver.executeScript("return window.ogProgress;");
        assertThat(browser.find("#refresh-progress").getText())
                .as("the refresh's end; the page showed %s", seen)
                .contains("fetched v2");
        assertThat(seen).as("progress texts in the order the page showed them").isNotEmpty();
        assertThat(seen.stream()
                        .filter(text -> text.contains("running (attempt 1)"))
                        .findFirst())
                .as("an intermediate state was shown: %s", seen)
                .isPresent();
        assertThat(seen.indexOf(seen.stream()
                        .filter(t -> t.contains("running"))
                        .findFirst()
                        .orElseThrow()))
                .isLessThan(seen.indexOf(seen.stream()
                        .filter(t -> t.contains("fetched v2"))
                        .findFirst()
                        .orElseThrow()));
        assertThat(browser.driver.executeScript("return window.ogSamePage === true;"))
                .isEqualTo(true);

        // the detail was reloaded by the push as well: the new version and the difference to v1
        browser.waitForText("#case", "Shipped");
        assertThat(browser.find("#case").getText()).contains("v2");
        assertThat(browser.deepText(browser.find("#diff-from"))).contains("v1");
        assertThat(browser.deepText(browser.find("#diff-to"))).contains("v2");
        assertThat(texts(browser, "#snapshot-diff .diff-removed")).containsExactly("-   \"status\": \"Created\",");
        assertThat(texts(browser, "#snapshot-diff .diff-added")).containsExactly("+   \"status\": \"Shipped\",");
        assertThat(ConsoleBrowserIT.cells(browser, "#attempts")).contains("v2", "v1");
        assertThat(scalepoint().orderRequests(token)).isEqualTo(2);
        browser.screenshot("scalepoint-order");
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.find("#snapshot-diff"));
        browser.screenshot("scalepoint-order-diff");
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scalepoint.order.refresh-requested' "
                                + "AND subject_key = ?",
                        token))
                .isEqualTo(1);
    }

    @Test
    void anEventPublishedThroughTheFormIsCheckedFirstThenQueuedListedAndSentToScalepoint() {
        var token = fetchedOrder();
        var browser = browsers.loggedIn(Browsers.newUser("staff"));
        browser.open("scalepoint-orders/" + token);
        browser.find("#publish-form");
        assertThat(browser.deepText(browser.find("#publish-type"))).contains("order_status_changed");

        browser.find("#publish-status input").sendKeys("Shipped", Keys.TAB);
        browser.find("#publish-tracking input").sendKeys("TT 123", Keys.TAB);
        browser.waitForDeepText("#publish-tracking", "Tracking number: 4 to 40 letters, digits or '-', no spaces.");
        browser.find("#publish-submit").click();
        browser.waitForText("#publish-error", "Not published: correct the marked fields.");
        assertThat(count("SELECT count(*) FROM sp_publication WHERE order_token = ?", token))
                .isZero();

        var tracking = browser.find("#publish-tracking input");
        tracking.sendKeys(Keys.chord(Keys.CONTROL, "a"), "TT123", Keys.TAB);
        browser.find("#publish-submit").click();

        browser.waitForText("#publish-result", "Queued order_status_changed with correlation id");
        var matcher = CORRELATION_ID.matcher(browser.find("#publish-result").getText());
        assertThat(matcher.find()).isTrue();
        var correlationId = matcher.group(1);
        assertThat(browser.find("#publish-error").getText()).isEmpty();
        browser.waitForText("#publications vaadin-grid-cell-content", correlationId);
        var sent = await(
                "the event at Scalepoint",
                WAIT,
                () -> scalepoint().sentEvents().stream()
                        .filter(e -> e.body().contains(correlationId))
                        .findFirst()
                        .orElse(null));
        var envelope = Json.object(sent.body().getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.getString("eventType")).isEqualTo("order_status_changed");
        assertThat(envelope.getString("orderToken")).isEqualTo(token);
        assertThat(envelope.getString("status")).isEqualTo("Shipped");
        assertThat(envelope.getString("trackingNumber")).isEqualTo("TT123");
        assertThat(envelope.containsKey("carrier"))
                .as("blank fields are not sent")
                .isFalse();

        await(
                "the publication sent",
                WAIT,
                () -> count(
                                        "SELECT count(*) FROM sp_publication WHERE correlation_id = ? "
                                                + "AND status = 'sent'",
                                        correlationId)
                                == 1
                        ? true
                        : null);
        browser.open("scalepoint-orders/" + token);
        browser.waitForText("#publications vaadin-grid-cell-content", correlationId);
        assertThat(ConsoleBrowserIT.cells(browser, "#publications")).contains("sent", "202");
    }

    @Test
    void auditorsSeeTheOrderButNoRefreshOrPublishControls() {
        var token = fetchedOrder();
        var browser = browsers.loggedIn(Browsers.newUser("auditor"));
        assertThat(ConsoleBrowserIT.navigation(browser)).contains("Scalepoint orders");

        browser.open("scalepoint-orders?status=fetched");
        browser.waitForText("#scalepoint-orders vaadin-grid-cell-content", token);
        browser.open("scalepoint-orders/" + token);
        browser.find("#case");
        browser.find("#publications");

        assertThat(browser.all("#refresh-order")).isEmpty();
        assertThat(browser.all("#refresh-progress")).isEmpty();
        assertThat(browser.all("#publish-form")).isEmpty();
        assertThat(browser.all("#publish-submit")).isEmpty();
        browser.screenshot("scalepoint-order-auditor");
    }

    /** The texts of the cells of the row that holds {@code key}, assuming rows are laid out in order. */
    static List<String> row(Browser browser, String key) {
        var cells = ConsoleBrowserIT.cells(browser, "#scalepoint-orders");
        int start = cells.indexOf(key);
        assertThat(start).as("row of %s in %s", key, cells).isNotNegative();
        return cells.subList(start, Math.min(cells.size(), start + 9));
    }

    static List<String> texts(Browser browser, String css) {
        return browser.all(css).stream().map(WebElement::getText).toList();
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warehouse system's side of the Credentials view in a real browser: a fulfilment API client
 * issued, shown once and working at once, rotated with grace and revoked; a SCAYLE merchant's stock
 * policy and warehouse map changed through the settings dialog (bad maps refused with the rows to
 * fix) and in force for the next order; the feed push's signing secret shown once; and staff and
 * auditors seeing all of it without a control to change it.
 */
class FulfilmentSettingsConsoleIT extends FulfilmentBase {

    @RegisterExtension
    final Browsers browsers = new Browsers(() -> uri(""));

    Browser login(String username, String path) {
        var browser = browsers.fresh();
        browser.open("login");
        browser.login(username, ADMIN_PASSWORD);
        browser.waitForPath("/");
        browser.open(path);
        return browser;
    }

    String value(String id) {
        return browsers.get().find("#" + id + " input").getAttribute("value");
    }

    HttpResult feed(String bearer) {
        var response = get("api/fulfilment/feed?limit=1", bearer);
        return new HttpResult(response.statusCode(), text(response));
    }

    record HttpResult(int status, String body) {}

    HttpResult tokenFor(String clientId, String secret) {
        var response = token(basic(clientId, secret), "grant_type=client_credentials");
        return new HttpResult(response.statusCode(), text(response));
    }

    @Test
    void anAdminIssuesAnApiClientWhoseSecretReadsTheFeedAtOnceThenRotatesAndRevokesIt() {
        var browser = login("admin", "credentials?tab=fulfilment-clients");
        browser.click("#fulfilment-client-create");
        browser.waitForDialog("You will not see this again");
        var clientId = value("issued-client-id");
        var secret = value("issued-client-secret");
        assertThat(value("issued-token-url")).isEqualTo("https://gateway.example.com/oauth/token");
        assertThat(value("issued-api-url")).isEqualTo("https://gateway.example.com/api/fulfilment");
        assertThat(value("issued-scope")).isEqualTo("fulfilment");

        // what the dialog showed gets a token of scope fulfilment, and the token reads the feed
        var bearer = bearer(new FulfilmentClient(clientId, secret, null, null));
        assertThat(feed(bearer).status()).isEqualTo(200);
        browser.click("#secret-dialog-close");
        browser.waitForText("#fulfilment-client-grid vaadin-grid-cell-content", clientId);
        assertThat(browser.driver.getPageSource()).doesNotContain(secret);

        // the grace period is shown before anything changes (6 s in the test configuration)
        browser.click("#rotate-" + clientId);
        browser.waitForDialog("keeps working for 6 s");
        browser.click("#confirm-rotate-ok");
        browser.waitForDialog("The previous client keeps working for 6 s");
        var successor = value("issued-client-id");
        var successorSecret = value("issued-client-secret");
        assertThat(successor).isNotEqualTo(clientId).startsWith("fulfilment");
        var successorBearer = bearer(new FulfilmentClient(successor, successorSecret, null, null));
        // both work while the grace lasts
        assertThat(feed(bearer).status()).isEqualTo(200);
        assertThat(feed(successorBearer).status()).isEqualTo(200);
        assertThat(tokenFor(clientId, secret).status()).isEqualTo(200);
        browser.click("#secret-dialog-close");
        browser.waitForText("#fulfilment-client-grid vaadin-grid-cell-content", "rotation grace");
        browser.waitForText("#fulfilment-client-grid vaadin-grid-cell-content", successor);
        browser.screenshot("credentials-fulfilment-clients");

        // the successor has no end: only a revocation stops it, at once
        browser.click("#revoke-" + successor);
        browser.waitForDialog("refused at once");
        browser.click("#confirm-revoke-ok");
        browser.waitForText("vaadin-notification-card", successor + " is revoked.");
        browser.waitForText("#fulfilment-client-grid vaadin-grid-cell-content", "revoked");
        assertThat(tokenFor(successor, successorSecret).status()).isEqualTo(401);
        assertThat(feed(successorBearer).status()).isEqualTo(401);
        assertThat(browser.driver.getPageSource()).doesNotContain(successorSecret);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE subject_key = ? AND actor = 'admin' AND action IN "
                                + "('webhook-client.issued', 'webhook-client.rotated')",
                        clientId))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE subject_key = ? AND actor = 'admin' AND action IN "
                                + "('webhook-client.issued', 'webhook-client.revoked')",
                        successor))
                .isEqualTo(2);
    }

    @Test
    void anAdminMakesAMerchantStrictWithAWarehouseMapAfterTheBadRowsAreNamedAndTheNextOrderFollowsIt() {
        var merchant = newMerchant();
        var settings = "api/admin/scayle/merchants/" + merchant.key() + "/settings";
        var browser = login("admin", "credentials");
        browser.click("#settings-" + merchant.key());
        browser.waitForDialog("Settings of " + merchant.key());
        assertThat(browser.find("#settings-changed").getText()).contains("Defaults");
        assertThat(checkedPolicy(browser)).contains("trust");
        assertThat(browser.find("#settings-stock-policy").getDomAttribute("readonly"))
                .isNull();

        choosePolicy(browser, "strict");
        browser.click("#warehouse-add");
        browser.click("#warehouse-add");
        browser.click("#warehouse-add");
        browser.find("#warehouse-id-0 input").sendKeys("7");
        browser.find("#warehouse-reference-0 input").sendKeys("WH1");
        browser.find("#warehouse-id-1 input").sendKeys("07");
        browser.find("#warehouse-reference-1 input").sendKeys("WH2");
        browser.find("#warehouse-reference-2 input").sendKeys("WH3");
        browser.click("#settings-save");
        browser.waitForText("#settings-error", "Not saved: correct the marked warehouses.");
        browser.waitForDeepText("#warehouse-id-1", "Warehouse 7 is already mapped in row 1.");
        browser.waitForDeepText("#warehouse-id-2", "Enter SCAYLE's warehouse id.");
        assertThat(browser.find("#warehouse-id-0").getDomAttribute("invalid")).isNull();
        assertThat(browser.find("#warehouse-id-1").getDomAttribute("invalid")).isNotNull();
        browser.screenshot("merchant-settings-invalid");
        // nothing was saved
        var unchanged = Json.object(get(settings, admin()).body());
        assertThat(unchanged.getString("stockPolicy")).isEqualTo("trust");
        assertThat(unchanged.containsKey("updatedAt")).isFalse();

        var second = browser.find("#warehouse-id-1 input");
        second.clear();
        second.sendKeys("9");
        browser.click("#warehouse-remove-2");
        browser.click("#settings-save");
        browser.waitForText(
                "vaadin-notification-card",
                "Settings of " + merchant.key() + " saved: stock policy strict, 2 warehouses mapped.");

        var saved = Json.object(get(settings, admin()).body());
        assertThat(saved.getString("stockPolicy")).isEqualTo("strict");
        assertThat(saved.getJsonObject("warehouses").toString()).isEqualTo("{\"7\":\"WH1\",\"9\":\"WH2\"}");
        assertThat(saved.getString("updatedBy")).isEqualTo("admin");
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE action = 'scayle.merchant.settings-changed' "
                                + "AND subject_key = ? AND actor = 'admin'",
                        merchant.key()))
                .isEqualTo(1);

        // in force: SKUs without a stock level are promised nothing now
        var order = delegate(
                merchant,
                ScayleStockIT.order(merchant, Orders.newReference(), sku(), sku()),
                UUID.randomUUID().toString());
        assertThat(order.statusCode()).as(text(order)).isEqualTo(201);
        assertThat(ScayleStockIT.deliverable(order.body())).containsExactly(0, 0);

        // the dialog shows what is stored
        browser.open("credentials");
        browser.click("#settings-" + merchant.key());
        browser.waitForDialog("Last changed");
        assertThat(checkedPolicy(browser)).contains("strict");
        assertThat(value("warehouse-id-0")).isEqualTo("7");
        assertThat(value("warehouse-reference-0")).isEqualTo("WH1");
        assertThat(value("warehouse-id-1")).isEqualTo("9");
        assertThat(value("warehouse-reference-1")).isEqualTo("WH2");
        browser.screenshot("merchant-settings");
    }

    @Test
    void anAdminCreatesThePushSigningSecretSeesItOnceAndRotatesItWithGrace() {
        var before = count(
                "SELECT count(*) FROM audit_record WHERE action = 'fulfilment.webhook.secret-issued' AND actor = 'admin'");
        var browser = login("admin", "credentials?tab=fulfilment-push");
        // the test server has no receiver configured
        assertThat(value("push-url")).startsWith("off");
        browser.click("#push-secret-rotate");
        browser.waitForDialog("signing secret?");
        browser.click("#confirm-push-secret-ok");
        browser.waitForDialog("You will not see this again");
        var first = value("issued-push-secret");
        assertThat(first).startsWith("whsec_");
        browser.click("#secret-dialog-close");
        browser.waitUntilIdle();
        assertThat(value("push-secret")).startsWith("created");
        assertThat(browser.find("#push-secret-rotate").getText()).isEqualTo("Rotate signing secret");
        assertThat(browser.driver.getPageSource()).doesNotContain(first);

        browser.click("#push-secret-rotate");
        browser.waitForDialog("keeps signing beside it for 6 s");
        browser.click("#confirm-push-secret-ok");
        browser.waitForDialog("every change carries two signatures");
        var second = value("issued-push-secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        browser.click("#secret-dialog-close");
        browser.waitUntilIdle();
        assertThat(browser.driver.getPageSource()).doesNotContain(second);
        browser.screenshot("credentials-fulfilment-push");
        assertThat(count("SELECT count(*) FROM audit_record WHERE action = 'fulfilment.webhook.secret-issued' "
                        + "AND actor = 'admin'"))
                .isEqualTo(before + 2);
        // the second signs from now on, the first beside it for the grace
        var latest = rows("SELECT created_at, valid_until FROM ful_webhook_secret ORDER BY secret_id DESC LIMIT 2");
        assertThat(latest.get(0).get("valid_until")).isNull();
        assertThat(((Timestamp) latest.get(1).get("valid_until")).toInstant())
                .isEqualTo(((Timestamp) latest.get(0).get("created_at"))
                        .toInstant()
                        .plusSeconds(6));
    }

    @Test
    void staffAndAuditorsSeeClientsSettingsAndThePushButHaveNothingToChangeAndAreRefusedIfTheyTry() {
        var client = newFulfilmentClient();
        var merchant = newMerchant();
        var settings = "api/admin/scayle/merchants/" + merchant.key() + "/settings";
        var set = put(settings, admin(), "{\"stockPolicy\":\"strict\",\"warehouses\":{\"7\":\"WH1\"}}");
        assertThat(set.statusCode()).as(text(set)).isEqualTo(200);

        for (var role : new String[] {"staff", "auditor"}) {
            var username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
            ConsoleBrowserIT.createUser(username, role);

            var browser = login(username, "credentials?tab=fulfilment-clients");
            browser.waitForText("#fulfilment-client-grid vaadin-grid-cell-content", client.clientId());
            assertThat(browser.all("#fulfilment-client-create")).as(role).isEmpty();
            assertThat(browser.all("#rotate-" + client.clientId())).as(role).isEmpty();
            assertThat(browser.all("#revoke-" + client.clientId())).as(role).isEmpty();
            assertThat(browser.driver.getPageSource()).doesNotContain(client.clientSecret());

            browser.open("credentials");
            browser.click("#settings-" + merchant.key());
            browser.waitForDialog("Settings of " + merchant.key());
            assertThat(checkedPolicy(browser)).as(role).contains("strict");
            assertThat(value("warehouse-id-0")).isEqualTo("7");
            assertThat(value("warehouse-reference-0")).isEqualTo("WH1");
            assertThat(browser.find("#warehouse-id-0").getDomAttribute("readonly"))
                    .isNotNull();
            assertThat(browser.find("#settings-stock-policy").getDomAttribute("readonly"))
                    .isNotNull();
            assertThat(browser.all("#settings-save")).as(role).isEmpty();
            assertThat(browser.all("#warehouse-add")).as(role).isEmpty();
            assertThat(browser.all("#warehouse-remove-0")).as(role).isEmpty();
            if (role.equals("auditor")) {
                browser.screenshot("merchant-settings-auditor");
            }

            browser.open("credentials?tab=fulfilment-push");
            browser.find("#push-position");
            assertThat(browser.all("#push-secret-rotate")).as(role).isEmpty();

            // the facades refuse them whatever the page shows
            var credentials = basic(username, ADMIN_PASSWORD);
            assertThat(put(settings, credentials, "{\"stockPolicy\":\"trust\"}").statusCode())
                    .as(role)
                    .isEqualTo(403);
            assertThat(post("api/admin/fulfilment/clients", credentials, null, new byte[0])
                            .statusCode())
                    .as(role)
                    .isEqualTo(403);
            assertThat(post("api/admin/fulfilment/webhook/secret", credentials, null, new byte[0])
                            .statusCode())
                    .as(role)
                    .isEqualTo(403);
            assertThat(get(settings, credentials).statusCode()).as(role).isEqualTo(200);
        }
        assertThat(Json.object(get(settings, admin()).body()).getString("stockPolicy"))
                .isEqualTo("strict");
    }

    static String checkedPolicy(Browser browser) {
        return browser.all("#settings-stock-policy vaadin-radio-button").stream()
                .filter(button -> button.getAttribute("checked") != null)
                .map(browser::deepText)
                .findFirst()
                .orElse("");
    }

    static void choosePolicy(Browser browser, String policy) {
        var button = browser.all("#settings-stock-policy vaadin-radio-button").stream()
                .filter(b -> browser.deepText(b).contains(policy + ":"))
                .findFirst()
                .orElseThrow();
        button.click();
        browser.waitUntilIdle();
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials and users in the console, in a real browser: what an admin hands out is shown
 * once, works at once, and rotation, revocation and disabling do what the page says.
 */
class CredentialsConsoleIT extends ScalepointBase {

    @RegisterExtension
    final Browsers browsers = new Browsers(() -> uri(""));

    Browser asAdmin(String path) {
        var browser = browsers.get();
        browser.open("login");
        browser.login("admin", ADMIN_PASSWORD);
        browser.waitForPath("/");
        browser.open(path);
        return browser;
    }

    String value(String id) {
        return browsers.get().find("#" + id + " input").getAttribute("value");
    }

    @Test
    void anAdminAddsAMerchantSeesItsCredentialsOnceRotatesThemWithGraceAndRevokesOne() {
        var key = "console-" + UUID.randomUUID().toString().substring(0, 8);
        var browser = asAdmin("credentials");
        browser.find("#merchant-key input").sendKeys(key);
        browser.click("#merchant-create");

        browser.waitForDialog("You will not see this again");
        var username = value("issued-username");
        var password = value("issued-password");
        var delegationUrl = value("issued-delegation-url");
        assertThat(delegationUrl)
                .isEqualTo(
                        "https://" + username + ":" + password + "@gateway.example.com/api/scayle/order-delegations");
        assertThat(value("issued-cancellation-url")).endsWith("@gateway.example.com/api/scayle/order-cancellations");
        browser.screenshot("credentials-issued");
        var first = new Merchant(key, username, password, delegationUrl, value("issued-cancellation-url"));
        // what the dialog showed works at once
        assertThat(delegate(first, Orders.delegation(key, Orders.newReference()), "c-1")
                        .statusCode())
                .isEqualTo(201);

        browser.click("#secret-dialog-close");
        browser.waitUntilIdle();
        assertThat(browser.driver.getPageSource()).doesNotContain(password);
        browser.waitForText("#merchant-grid vaadin-grid-cell-content", key);
        assertThat(browser.find("#merchant-selected").getText()).isEqualTo("Credentials of " + key);
        browser.waitForText("#credential-grid vaadin-grid-cell-content", username);
        // a reload shows the merchant and its credential, never the password
        browser.driver.navigate().refresh();
        browser.waitUntilIdle();
        browser.waitForText("#merchant-grid vaadin-grid-cell-content", key);
        assertThat(browser.driver.getPageSource()).doesNotContain(password);

        browser.all("#merchant-grid vaadin-grid-cell-content").stream()
                .filter(c -> c.getText().equals(key))
                .findFirst()
                .orElseThrow()
                .click();
        browser.click("#merchant-rotate");
        // the grace period is shown before anything changes (6 s in the test configuration)
        browser.waitForDialog("keep working for 6 s");
        browser.click("#confirm-rotate-ok");
        browser.waitForDialog("The previous credentials keep working for 6 s");
        var rotated = new Merchant(key, value("issued-username"), value("issued-password"), null, null);
        assertThat(rotated.username()).isNotEqualTo(username);
        // both work while the grace period lasts
        assertThat(delegate(first, Orders.delegation(key, Orders.newReference()), "c-2")
                        .statusCode())
                .isEqualTo(201);
        assertThat(delegate(rotated, Orders.delegation(key, Orders.newReference()), "c-3")
                        .statusCode())
                .isEqualTo(201);
        browser.click("#secret-dialog-close");
        browser.waitForText("#credential-grid vaadin-grid-cell-content", "rotation grace");

        browser.click("#revoke-" + rotated.username());
        browser.waitForDialog("refused at once");
        browser.click("#confirm-revoke-ok");
        browser.waitForText("vaadin-notification-card", rotated.username() + " is revoked.");
        browser.waitForText("#credential-grid vaadin-grid-cell-content", "revoked");
        assertThat(delegate(rotated, Orders.delegation(key, Orders.newReference()), "c-4")
                        .statusCode())
                .isEqualTo(401);
        browser.screenshot("credentials-scayle");
        assertThat(count(
                        "SELECT count(*) FROM audit_record WHERE subject_key = ? AND actor = 'admin' AND action IN "
                                + "('scayle.merchant.created', 'scayle.credentials.rotated', 'scayle.credentials.revoked')",
                        key))
                .isEqualTo(3);
    }

    @Test
    void aScalepointWebhookClientIsShownOnceAndGetsATokenAtOnce() {
        var browser = asAdmin("credentials?tab=scalepoint-clients");
        browser.click("#webhook-client-create");
        browser.waitForDialog("You will not see this again");
        var clientId = value("issued-client-id");
        var secret = value("issued-client-secret");
        assertThat(value("issued-token-url")).isEqualTo("https://gateway.example.com/oauth/token");
        assertThat(value("issued-webhook-url")).isEqualTo("https://gateway.example.com/api/scalepoint/events");

        var token = token(basic(clientId, secret), "grant_type=client_credentials");
        assertThat(token.statusCode()).as(text(token)).isEqualTo(200);
        browser.click("#secret-dialog-close");
        browser.waitForText("#webhook-client-grid vaadin-grid-cell-content", clientId);
        assertThat(browser.driver.getPageSource()).doesNotContain(secret);

        browser.click("#revoke-" + clientId);
        browser.click("#confirm-revoke-ok");
        browser.waitForText("vaadin-notification-card", clientId + " is revoked.");
        assertThat(token(basic(clientId, secret), "grant_type=client_credentials")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAdminConnectsToScalepointWithAGeneratedCertificateAndTheTestSaysWhatHappened() {
        var clientId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        var browser = asAdmin("credentials?tab=scalepoint-connection");
        var field = browser.find("#connection-client-id input");
        field.clear();
        field.sendKeys(clientId);
        var scopes = browser.find("#connection-scopes input");
        scopes.clear();
        scopes.sendKeys("orderdata events");
        var tenant = browser.find("#connection-tenant input");
        tenant.clear();
        tenant.sendKeys("ordergate");
        var country = browser.find("#connection-country input");
        country.clear();
        country.sendKeys("dk");
        browser.click("#connection-save");
        browser.waitForText("vaadin-notification-card", "Connection saved.");
        browser.waitForText("#connection-saved", "Saved");

        browser.click("#certificate-generate");
        browser.waitForText("vaadin-notification-card", "generated");
        var certificate = activeCertificate();
        browser.waitForText("#certificate-grid vaadin-grid-cell-content", certificate.getString("thumbprint"));
        var download = browser.find("#download-" + certificate.getString("thumbprint"));
        var der = download(download.getAttribute("href"));
        assertThat(Base64.getEncoder().encodeToString(der)).isEqualTo(certificate.getString("certificate"));

        // Scalepoint does not know the certificate yet: the test names the exact refusal
        browser.click("#connection-test");
        browser.waitForText("#connection-test-result", "Failed");
        assertThat(browser.find("#connection-test-result").getAttribute("data-ok"))
                .isEqualTo("false");
        assertThat(browser.find("#connection-test-result").getText()).contains("invalid_client");

        scalepoint().registerClient(clientId, Base64.getDecoder().decode(certificate.getString("certificate")));
        browser.click("#connection-test");
        browser.waitForText("#connection-test-result", "Connected");
        assertThat(browser.find("#connection-test-result").getText()).contains("private_key_jwt");
        browser.screenshot("credentials-scalepoint-connection");
    }

    @Test
    void anAdminCreatesAUserWhoLogsInWithTheShownPasswordAndCannotOnceDisabled() {
        var username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        var browser = asAdmin("users");
        browser.find("#user-name input").sendKeys(username);
        browser.click("#user-create");
        browser.waitForDialog("You will not see this again");
        var password = value("issued-user-password");
        browser.click("#secret-dialog-close");
        browser.waitForText("#user-grid vaadin-grid-cell-content", username);
        browser.screenshot("users");
        browsers.close();

        var clerk = browsers.get();
        clerk.open("login");
        clerk.login(username, password);
        clerk.waitForPath("/");
        assertThat(ConsoleBrowserIT.navigation(clerk)).doesNotContain("Users");
        browsers.close();

        var admin = asAdmin("users");
        admin.waitForText("#user-grid vaadin-grid-cell-content", username);
        admin.click("#disable-" + username);
        admin.click("#confirm-disable-ok");
        admin.waitForText("vaadin-notification-card", username + " is disabled.");
        browsers.close();

        var refused = browsers.get();
        refused.open("login");
        refused.login(username, password);
        assertThat(refused.path()).isEqualTo("/login");
    }

    JsonObject activeCertificate() {
        var response = get("api/admin/scalepoint/connection/certificates", admin());
        return Json.array(response.body()).getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getBoolean("active"))
                .findFirst()
                .orElseThrow();
    }

    /** Downloads a console resource with the browser's session cookie. */
    byte[] download(String href) {
        var cookies = browsers.get().driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        var response = send(java.net.http.HttpRequest.newBuilder(URI.create(href))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookies)
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

package io.ordergate.webapp.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver: both from the system, so that
 * Selenium Manager never tries to download a browser or driver. Each instance has a fresh
 * profile and runs in the given time zone, to check that the console shows the browser's time.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * The tests use no Chrome DevTools Protocol, so Selenium's warning that Debian's Chromium is
     * newer than its CDP bindings is noise. Held here: java.util.logging keeps loggers weakly.
     */
    static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    final ChromeDriver driver;
    final Path profile;
    final URI base;

    Browser(URI base, String timeZone) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("ordergate-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                // Chromium takes its time zone from TZ, inherited from chromedriver.
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
        waitUntilIdle();
    }

    /** The path of the current page, without the query. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    void login(String username, String password) {
        var form = find("vaadin-login-form");
        var user = form.findElement(By.cssSelector("vaadin-text-field[name='username'] input"));
        user.clear();
        user.sendKeys(username);
        var secret = form.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
        // The form disables itself on submit and is enabled again by a failed login's answer; a
        // successful one leaves the login page.
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !path().equals("/login")
                        || Boolean.FALSE.equals(driver.executeScript("return arguments[0].disabled === true", form)));
        waitUntilIdle();
    }

    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, WAIT)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            // what the page showed instead is the first thing to look at
            screenshot("failed-" + css.replaceAll("[^A-Za-z0-9-]+", "_"));
            throw e;
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> path().equals(path));
        waitUntilIdle();
    }

    void waitForDeepText(String css, String text) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> deepText(find(css)).contains(text));
    }

    /** Clicks the element after scrolling it to the middle of the window, clear of notifications at the edges. */
    void click(String css) {
        var element = find(css);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        element.click();
    }

    /** Waits for an open dialog that says the text (closing dialogs may linger in the page). */
    void waitForDialog(String text) {
        new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> all("vaadin-dialog-overlay").stream()
                        .anyMatch(e -> deepText(e).contains(text)));
    }

    void waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT)
                .until(d -> all(css).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** Waits until the page is loaded and Vaadin has no request to the server in flight. */
    void waitUntilIdle() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') { return false; }
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients) { return true; }
                return Object.values(clients).every(c => !c.isActive || !c.isActive());""")));
    }

    /** The text of the texts of the element and everything inside it, shadow roots included. */
    String deepText(WebElement element) {
        return (String) driver.executeScript("""
                const text = node => {
                  let out = '';
                  if (node.shadowRoot) { out += text(node.shadowRoot); }
                  for (const child of node.childNodes) {
                    if (child.nodeType === Node.TEXT_NODE) { out += child.textContent; }
                    else if (child.nodeType === Node.ELEMENT_NODE) { out += ' ' + text(child); }
                  }
                  return out;
                };
                return text(arguments[0]);""", element);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, a test artifact. */
    void screenshot(String name) {
        waitUntilIdle();
        try {
            var directory = Paths.get(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(directory);
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile does no harm
            }
        }
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: the real WAR (as built by this module) on a real Payara Micro,
 * against real PostgreSQL, spoken to over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class OrderGateIT {

    protected static final String ADMIN_PASSWORD = "it-admin-secret";
    protected static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        // ROOT.war deploys at "/", as the launcher does; the file is the real build output.
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("it.war")))
                .as(WebArchive.class);
    }

    protected URI uri(String path) {
        var root = base.toString();
        // Guard against the container reporting the URL without its context root.
        if (!root.endsWith("/")) {
            root = root + "/";
        }
        return URI.create(root + (path.startsWith("/") ? path.substring(1) : path));
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<byte[]> post(
            String path, String authorization, String contentType, byte[] body, String... headers) {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    protected HttpResponse<byte[]> get(String path, String authorization) {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    protected HttpResponse<byte[]> delete(String path, String authorization) {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .DELETE()
                .header("Authorization", authorization)
                .build());
    }

    protected static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    protected static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    /** A merchant created through the admin API, with its first credentials. */
    protected Merchant newMerchant() {
        var key = "m-" + UUID.randomUUID().toString().substring(0, 8);
        var response = post(
                "api/admin/scayle/merchants",
                admin(),
                "application/json",
                ("{\"merchantKey\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "creating merchant failed: " + response.statusCode() + " " + text(response));
        }
        return Merchant.from(Json.object(response.body()));
    }

    protected HttpResponse<byte[]> delegate(Merchant merchant, String body, String requestId) {
        return post(
                "api/scayle/order-delegations",
                merchant.authorization(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                "X-Request-Id",
                requestId);
    }

    /** Waits until the sealer has sealed every audit record written so far. */
    protected static void awaitAllSealed() {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT count(*) FROM audit_unsealed") > 0) {
            assertThat(System.nanoTime()).as("everything sealed within 30 s").isLessThan(deadline);
            Pause.sleep(Duration.ofMillis(200));
        }
    }

    protected static long count(String sql, Object... parameters) {
        try {
            return Sql.count(ItEnvironment.connect(), sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    protected static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (var connection = ItEnvironment.connect();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                var result = new ArrayList<Map<String, Object>>();
                var meta = rows.getMetaData();
                while (rows.next()) {
                    var row = new java.util.LinkedHashMap<String, Object>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    protected record Merchant(
            String key, String username, String password, String delegationUrl, String cancellationUrl) {

        static Merchant from(jakarta.json.JsonObject json) {
            return new Merchant(
                    json.getString("merchantKey"),
                    json.getString("username"),
                    json.getString("password"),
                    json.getString("orderDelegationUrl"),
                    json.getString("cancellationUrl"));
        }

        String authorization() {
            return basic(username, password);
        }
    }
}

package io.ordergate.webapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the fulfilment integration tests share: API clients of the warehouse/ERP and their calls. */
abstract class FulfilmentBase extends ScalepointBase {

    record FulfilmentClient(String clientId, String clientSecret, String tokenUrl, String scope) {}

    FulfilmentClient newFulfilmentClient() {
        var response = post("api/admin/fulfilment/clients", admin(), null, new byte[0]);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        var json = Json.object(response.body());
        return new FulfilmentClient(
                json.getString("clientId"),
                json.getString("clientSecret"),
                json.getString("tokenUrl"),
                json.getString("scope"));
    }

    String bearer(FulfilmentClient client) {
        var response = token(basic(client.clientId(), client.clientSecret()), "grant_type=client_credentials");
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return "Bearer " + Json.object(response.body()).getString("access_token");
    }

    HttpResponse<byte[]> put(String path, String authorization, String body) {
        var request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String report(Instant asOf, String levels) {
        return "{\"asOf\":\"" + asOf + "\",\"levels\":[" + levels + "]}";
    }

    JsonObject level(String bearer, String sku) {
        var response = get("api/fulfilment/stock?sku=" + sku, bearer);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        var items = Json.object(response.body()).getJsonArray("items");
        assertThat(items).hasSize(1);
        return items.getJsonObject(0);
    }

    /** Sets absolute stock levels as the ERP does, counted now. */
    protected void stock(String bearer, String levels) {
        var response = put("api/fulfilment/stock", bearer, report(Instant.now(), levels));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    }
}

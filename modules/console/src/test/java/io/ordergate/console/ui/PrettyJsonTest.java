package io.ordergate.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    @Test
    void anAcknowledgementIsIndentedWithItsMembersInTheOrderSent() {
        var sent = "{\"orderDelegationResult\":\"acknowledged\",\"referenceKey\":\"fa-1\",\"items\":"
                + "[{\"referenceKey\":\"1968655\",\"deliverableQuantity\":1},{\"referenceKey\":\"x\",\"deliverableQuantity\":2}]}";

        assertThat(PrettyJson.format(parse(sent))).isEqualTo("""
                {
                  "orderDelegationResult": "acknowledged",
                  "referenceKey": "fa-1",
                  "items": [
                    {
                      "referenceKey": "1968655",
                      "deliverableQuantity": 1
                    },
                    {
                      "referenceKey": "x",
                      "deliverableQuantity": 2
                    }
                  ]
                }""");
    }

    @Test
    void valuesKeepTheirFormAndStringsTheirEscapes() {
        var sent = "{\"price\":12.50,\"big\":12345678901234567890,\"quote\":\"say \\\"hi\\\"\\n\",\"none\":null,"
                + "\"yes\":true,\"empty\":{},\"list\":[]}";

        assertThat(PrettyJson.format(parse(sent))).isEqualTo("""
                {
                  "price": 12.50,
                  "big": 12345678901234567890,
                  "quote": "say \\"hi\\"\\n",
                  "none": null,
                  "yes": true,
                  "empty": {},
                  "list": []
                }""");
    }

    @Test
    void withoutTheWhitespaceItIsWhatWasSent() {
        var sent = "{\"a\":[1,2,{\"b\":\"c d\"}],\"e\":false}";

        assertThat(PrettyJson.format(parse(sent)).replaceAll("\\n\\s*", "").replace("\": ", "\":"))
                .isEqualTo(sent);
    }

    @Test
    void textIsIndentedWhenItIsJsonAndShownAsItIsWhenNot() {
        assertThat(PrettyJson.formatText("{\"a\":[1,2]}")).contains("\n").contains("\"a\": [");
        assertThat(PrettyJson.formatText("not json {")).isEqualTo("not json {");
    }
}

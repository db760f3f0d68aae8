package io.ordergate.scalepoint.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ordergate.scalepoint.boundary.OrderData;
import io.ordergate.scalepoint.boundary.OrderData.Address;
import io.ordergate.scalepoint.boundary.OrderData.Contact;
import io.ordergate.scalepoint.boundary.OrderData.Line;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderDataParserTest {

    /** The assumed shape of spec section 5. */
    static final String EXAMPLE = """
            {"externalId": "BC6270D7-B0FB-434F-BF83-93E361C335CD", "orderNumber": "7001234",
             "status": "Created", "currency": "DKK",
             "deliveryAddress": {"name": "Jens Hansen", "street": "Vestergade 1", "postalCode": "8000",
                                 "city": "Aarhus C", "countryCode": "DK"},
             "contact": {"name": "Jens Hansen", "telephone": "+4512345678", "email": "jens@example.dk"},
             "lines": [{"lineId": "1", "productId": "5701234567890", "description": "Samsung TV 55\\"",
                        "quantity": 1, "unitPrice": 6999.00, "total": 6999.00}]}
            """;

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theSpecExampleIsFullyExtracted() {
        var order = OrderDataParser.parse(EXAMPLE);

        assertThat(order.externalId()).isEqualTo("BC6270D7-B0FB-434F-BF83-93E361C335CD");
        assertThat(order.orderNumber()).isEqualTo("7001234");
        assertThat(order.status()).isEqualTo("Created");
        assertThat(order.currency()).isEqualTo("DKK");
        assertThat(order.deliveryAddress())
                .isEqualTo(new Address("Jens Hansen", "Vestergade 1", "8000", "Aarhus C", "DK"));
        assertThat(order.contact()).isEqualTo(new Contact("Jens Hansen", "+4512345678", "jens@example.dk"));
        assertThat(order.lines()).hasSize(1);
        var line = order.lines().get(0);
        assertThat(line.lineId()).isEqualTo("1");
        assertThat(line.productId()).isEqualTo("5701234567890");
        assertThat(line.description()).isEqualTo("Samsung TV 55\"");
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.unitPrice()).isEqualByComparingTo("6999.00");
        assertThat(line.total()).isEqualByComparingTo("6999.00");
        assertThat(order.total()).as("summed from the lines").isEqualByComparingTo("6999.00");
    }

    @Test
    void synonymsAndCaseVariantsAreRecognised() {
        var order = OrderDataParser.parse("""
                {"ExternalID": "x-1", "ORDERNO": 7001234, "OrderStatus": "Shipped", "currencyCode": "EUR",
                 "TotalAmount": "12.50",
                 "ShippingAddress": {"FirstName": "Jens", "lastname": "Hansen", "Street1": "Vestergade 1",
                                     "street2": "2. th.", "ZIP": "8000", "Town": "Aarhus C", "Country": "DK"},
                 "Customer": {"firstName": "Jens", "Phone": "+4512345678", "EMail": "jens@example.dk"},
                 "OrderLines": [{"LineID": 1, "SKU": "A-1", "Name": "Cable", "QTY": "2", "Price": "5",
                                 "LineTotal": "10"},
                                {"ean": 5701234567890, "productName": "Plug", "count": 1, "unitprice": 2.5,
                                 "amount": 2.5}]}
                """);

        assertThat(order.externalId()).isEqualTo("x-1");
        assertThat(order.orderNumber()).isEqualTo("7001234");
        assertThat(order.status()).isEqualTo("Shipped");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.total()).as("the body's own total").isEqualByComparingTo("12.50");
        assertThat(order.deliveryAddress())
                .isEqualTo(new Address("Jens Hansen", "Vestergade 1, 2. th.", "8000", "Aarhus C", "DK"));
        assertThat(order.contact()).isEqualTo(new Contact("Jens", "+4512345678", "jens@example.dk"));
        assertThat(order.lines())
                .extracting(Line::lineId, Line::productId, Line::description)
                .containsExactly(tuple("1", "A-1", "Cable"), tuple(null, "5701234567890", "Plug"));
        assertThat(order.lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("5");
        assertThat(order.lines().get(1).unitPrice()).isEqualByComparingTo("2.5");
        assertThat(order.lines().get(1).total()).isEqualByComparingTo("2.5");
    }

    @Test
    void otherSynonyms() {
        var order = OrderDataParser.parse("""
                {"number": "N-1", "state": "Open", "orderTotal": 99,
                 "address": {"name": "A", "addressLine1": "Gade 2", "addressLine2": "st.", "postcode": "1000",
                             "city": "København K", "countryCode": "DK"},
                 "recipient": {"name": "B", "mobile": "+4587654321", "emailAddress": "b@example.dk"},
                 "items": [{"productCode": "P", "title": "T", "quantity": 1}]}
                """);

        assertThat(order.orderNumber()).isEqualTo("N-1");
        assertThat(order.status()).isEqualTo("Open");
        assertThat(order.total()).isEqualByComparingTo("99");
        assertThat(order.deliveryAddress()).isEqualTo(new Address("A", "Gade 2, st.", "1000", "København K", "DK"));
        assertThat(order.contact()).isEqualTo(new Contact("B", "+4587654321", "b@example.dk"));
        assertThat(order.lines()).containsExactly(new Line(null, "P", "T", BigDecimal.ONE, null, null));
    }

    @Test
    void anExactNameWinsOverACaseVariantAndTheFirstSynonymWins() {
        var order = OrderDataParser.parse("""
                {"STATUS": "upper", "status": "exact", "orderId": "later", "orderNumber": "first"}
                """);

        assertThat(order.status()).isEqualTo("exact");
        assertThat(order.orderNumber()).isEqualTo("first");
    }

    @Test
    void anUnusableSynonymDoesNotHideAUsableOne() {
        var order = OrderDataParser.parse("""
                {"delivery": "Standard", "address": {"city": "Aarhus C"}, "lines": "none", "items": [{"sku": "S"}],
                 "orderNumber": {"weird": true}, "orderNo": "N-2"}
                """);

        assertThat(order.deliveryAddress()).isEqualTo(new Address(null, null, null, "Aarhus C", null));
        assertThat(order.lines()).extracting(Line::productId).containsExactly("S");
        assertThat(order.orderNumber()).isEqualTo("N-2");
    }

    @Test
    void aNestedDeliveryAddressIsFound() {
        var order = OrderDataParser.parse("""
                {"delivery": {"name": "Jens Hansen", "method": "home",
                              "address": {"street": "Vestergade 1", "zipCode": "8000", "city": "Aarhus C"}}}
                """);

        assertThat(order.deliveryAddress())
                .isEqualTo(new Address("Jens Hansen", "Vestergade 1", "8000", "Aarhus C", null));
    }

    @Test
    void aDataEnvelopeIsUnwrapped() {
        var order = OrderDataParser.parse("{\"data\": " + EXAMPLE + "}");

        assertThat(order).isEqualTo(OrderDataParser.parse(EXAMPLE));
        assertThat(order.orderNumber()).isEqualTo("7001234");
    }

    @Test
    void anArrayAndNestedEnvelopesAreUnwrapped() {
        assertThat(OrderDataParser.parse("[" + EXAMPLE + "]")).isEqualTo(OrderDataParser.parse(EXAMPLE));
        assertThat(OrderDataParser.parse("[1, \"x\", null, " + EXAMPLE + ", {\"orderNumber\": \"second\"}]"))
                .isEqualTo(OrderDataParser.parse(EXAMPLE));
        assertThat(OrderDataParser.parse("{\"Result\": {\"order\": [" + EXAMPLE + "]}}"))
                .isEqualTo(OrderDataParser.parse(EXAMPLE));
        assertThat(OrderDataParser.parse("[]")).isEqualTo(OrderData.empty());
        assertThat(OrderDataParser.parse("{\"data\": []}")).isEqualTo(OrderData.empty());
    }

    @Test
    void anEnvelopeNameWithOtherMembersOrAScalarIsNoEnvelope() {
        assertThat(OrderDataParser.parse("{\"data\": {\"orderNumber\": \"1\"}, \"orderNumber\": \"2\"}")
                        .orderNumber())
                .isEqualTo("2");
        assertThat(OrderDataParser.parse("{\"order\": \"1\"}")).isEqualTo(OrderData.empty());
    }

    @Test
    void numbersMayBeStringsWithADecimalComma() {
        var order = OrderDataParser.parse("""
                {"total": "7.011,50", "lines": [
                  {"quantity": "1", "unitPrice": "6999,00", "total": " 6999.00 "},
                  {"quantity": "2,5", "unitPrice": "5", "total": "12,50"},
                  {"quantity": "1", "unitPrice": "1,000.25", "total": "1 000"}]}
                """);

        assertThat(order.total()).isEqualTo(dec("7011.50"));
        assertThat(order.lines().get(0).unitPrice()).isEqualTo(dec("6999.00"));
        assertThat(order.lines().get(0).total()).isEqualTo(dec("6999.00"));
        assertThat(order.lines().get(1).quantity()).isEqualTo(dec("2.5"));
        assertThat(order.lines().get(1).total()).isEqualTo(dec("12.50"));
        assertThat(order.lines().get(2).unitPrice()).isEqualTo(dec("1000.25"));
        assertThat(order.lines().get(2).total()).as("not a number we read").isNull();
    }

    @Test
    void somethingElseThanANumberIsNull() {
        var order = OrderDataParser.parse("""
                {"lines": [{"sku": "A", "quantity": "two", "unitPrice": true, "total": "12 DKK"},
                           {"sku": "B", "quantity": "1e3", "unitPrice": [5], "total": "1.2.3"},
                           {"sku": "C", "quantity": 1e40, "unitPrice": 1e-40, "total": "1,2,3"},
                           {"sku": "D", "unitPrice": {"amount": "5,50", "currency": "DKK"}, "total": {"value": 11}}]}
                """);

        assertThat(order.lines()).hasSize(4);
        for (var line : order.lines().subList(0, 3)) {
            assertThat(line.quantity()).isNull();
            assertThat(line.unitPrice()).isNull();
            assertThat(line.total()).isNull();
        }
        assertThat(order.lines().get(3).unitPrice()).as("an amount object").isEqualTo(dec("5.50"));
        assertThat(order.lines().get(3).total()).isEqualByComparingTo("11");
        assertThat(order.total()).as("not every line has a total").isNull();
    }

    @Test
    void statusMayBeAnObject() {
        assertThat(OrderDataParser.parse("{\"status\": {\"name\": \"Created\", \"code\": 1}}")
                        .status())
                .isEqualTo("Created");
        assertThat(OrderDataParser.parse("{\"status\": {\"Code\": 10}}").status())
                .isEqualTo("10");
        assertThat(OrderDataParser.parse("{\"status\": {\"value\": \"Open\"}}").status())
                .isEqualTo("Open");
        assertThat(OrderDataParser.parse("{\"status\": {\"other\": \"x\"}}").status())
                .isNull();
        assertThat(OrderDataParser.parse("{\"currency\": {\"code\": \"DKK\", \"name\": \"Danish krone\"}}")
                        .currency())
                .isEqualTo("DKK");
    }

    @Test
    void missingSectionsAreNullAndLinesEmpty() {
        var order = OrderDataParser.parse("{\"orderNumber\": \"7001234\", \"deliveryAddress\": {}, \"contact\": null}");

        assertThat(order).isEqualTo(new OrderData(null, "7001234", null, null, null, null, List.of(), null));
        assertThat(order.lines()).isNotNull().isEmpty();
        assertThat(new OrderData(null, null, null, null, null, null, null, null).lines())
                .isEmpty();
    }

    @Test
    void stringsAreTrimmedAndBlankIsNull() {
        var order =
                OrderDataParser.parse("{\"orderNumber\": \"  7001234\\n\", \"status\": \"   \", \"currency\": \"\"}");

        assertThat(order.orderNumber()).isEqualTo("7001234");
        assertThat(order.status()).isNull();
        assertThat(order.currency()).isNull();
    }

    @Test
    void theTotalIsTheSumOfTheLineTotals() {
        var order = OrderDataParser.parse("""
                {"lines": [{"total": 6999.00}, {"total": "100,50"}, {"total": 0.5}]}
                """);

        assertThat(order.total()).isEqualTo(dec("7100.00"));
    }

    @Test
    void garbageTypesDoNotThrow() {
        var order = OrderDataParser.parse("""
                {"orderNumber": true, "status": [1, 2], "currency": 12, "lines": "a string",
                 "deliveryAddress": 42, "contact": [{"name": "x"}], "total": {"amount": {"value": 1}},
                 "externalId": {"a": {"b": []}}}
                """);

        assertThat(order).isEqualTo(new OrderData(null, null, null, "12", null, null, List.of(), null));
        var lines = OrderDataParser.parse("{\"lines\": [1, \"x\", null, [], {}, {\"quantity\": null}]}");
        assertThat(lines.lines()).isEmpty();
        assertThat(lines.total()).isNull();
    }

    @Test
    void anyJsonValueIsAcceptedWithoutException() {
        var values = List.<JsonValue>of(
                JsonValue.NULL,
                JsonValue.TRUE,
                JsonValue.FALSE,
                JsonValue.EMPTY_JSON_ARRAY,
                JsonValue.EMPTY_JSON_OBJECT,
                Json.createValue("text"),
                Json.createValue(42),
                Json.createValue(new BigDecimal("1E+999999999")),
                Json.createObjectBuilder()
                        .add("total", Json.createValue(new BigDecimal("1E-999999999")))
                        .add(
                                "lines",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("sku", "S")
                                                .add("total", new BigDecimal("1E+999999999")))
                                        .add(Json.createObjectBuilder().add("total", 1)))
                        .build());

        for (var value : values) {
            assertThatNoException().isThrownBy(() -> OrderDataParser.parse(value));
        }
        assertThat(OrderDataParser.parse((JsonValue) null)).isEqualTo(OrderData.empty());
        assertThat(OrderDataParser.parse(values.get(values.size() - 1)).total()).isNull();
    }

    @Test
    void aNonObjectIsEmpty() {
        assertThat(OrderDataParser.parse("42")).isEqualTo(OrderData.empty());
        assertThat(OrderDataParser.parse("\"order\"")).isEqualTo(OrderData.empty());
        assertThat(OrderDataParser.parse("null")).isEqualTo(OrderData.empty());
        assertThat(OrderDataParser.parse("[1, 2]")).isEqualTo(OrderData.empty());
        assertThat(OrderDataParser.parse(JsonValue.TRUE)).isEqualTo(OrderData.empty());
    }

    @Test
    void malformedJsonIsAnIllegalArgument() {
        var secret = "x".repeat(500);
        assertThatThrownBy(() -> OrderDataParser.parse("{\"orderNumber\": \"" + secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The Order Data response is not JSON: ")
                .hasMessageNotContaining(secret.substring(0, 101));
        assertThatThrownBy(() -> OrderDataParser.parse("<html>503</html>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The Order Data response is not JSON: ");
        assertThatThrownBy(() -> OrderDataParser.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderDataParser.parse((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderDataParser.parse("[".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongBodyKeepsAThousandLines() {
        var lines = IntStream.rangeClosed(1, 2000)
                .mapToObj(i -> "{\"lineId\": " + i + ", \"total\": 1}")
                .collect(Collectors.joining(",", "{\"lines\": [", "]}"));

        var order = OrderDataParser.parse(lines);

        assertThat(order.lines()).hasSize(OrderDataParser.MAX_LINES).hasSize(1000);
        assertThat(order.lines().get(999).lineId()).isEqualTo("1000");
        assertThat(order.total()).as("the sum of the kept lines").isEqualByComparingTo("1000");
    }

    @Test
    void stringsAreCappedAt500Characters() {
        var order = OrderDataParser.parse(
                "{\"orderNumber\": \"" + "7".repeat(5000) + "\", \"status\": \"" + "a".repeat(499) + "\uD83D\uDE00\"}");

        assertThat(order.orderNumber()).hasSize(500);
        assertThat(order.status()).as("no half surrogate pair").isEqualTo("a".repeat(499));
    }
}

package io.ordergate.webapp.it;

/** Events as Scalepoint's Event API delivers them to OrderGate's webhook (shared/specs/scalepoint.md). */
public final class ScalepointEvents {

    private ScalepointEvents() {}

    /** An {@code order_created} event for a content claim's order. */
    public static String orderCreated(String orderToken, String correlationId, String timestamp) {
        return """
                {"eventType": "order_created", "payloadVersion": "1.0.0", "correlationId": "%s",
                 "timestamp": "%s",
                 "case": {"uuid": "91c034af-a24f-42e7-81cb-a293d466f445", "number": "CH60158270",
                          "externalClaimId": "", "token": "c.8418F893-02AF-43AF-802B-F7F71C243969",
                          "caseType": "contentClaim"},
                 "orderToken": "%s"}
                """.formatted(correlationId, timestamp, orderToken);
    }
}

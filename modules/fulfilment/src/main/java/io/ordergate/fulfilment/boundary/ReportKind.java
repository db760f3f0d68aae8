package io.ordergate.fulfilment.boundary;

/** What the warehouse reports (fulfilment spec §3): each under its own key field and audit action. */
public enum ReportKind {
    SHIPMENT("shipment", "shipmentKey"),
    CANCELLATION("cancellation", "cancellationKey"),
    RETURN("return", "returnKey");

    private final String wire;
    private final String keyField;

    ReportKind(String wire, String keyField) {
        this.wire = wire;
        this.keyField = keyField;
    }

    /** The word in the schema, the idempotency scope and the audit action. */
    public String wire() {
        return wire;
    }

    /** The body's field that carries the caller's key. */
    public String keyField() {
        return keyField;
    }

    public String action() {
        return "fulfilment." + wire + ".reported";
    }
}

package io.ordergate.fulfilment.boundary;

/** An authenticated call of the fulfilment API: the API client of the warehouse/ERP, and where it came from. */
public record FulfilmentCaller(String clientId, String source) {

    /** The platform under which fulfilment API clients are issued (and their tokens' audience). */
    public static final String PLATFORM = "fulfilment";

    /** The one scope such a client has. */
    public static final String SCOPE = "fulfilment";
}

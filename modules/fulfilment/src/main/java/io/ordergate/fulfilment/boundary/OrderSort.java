package io.ordergate.fulfilment.boundary;

/** The Orders list's order: by the time the order was received, either way. */
public enum OrderSort {
    NEWEST,
    OLDEST
}

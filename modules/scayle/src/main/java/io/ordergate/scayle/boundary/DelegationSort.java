package io.ordergate.scayle.boundary;

/** The orders the delegation list can be sorted in; each is served by an index. */
public enum DelegationSort {
    NEWEST,
    OLDEST,
    MERCHANT,
    REFERENCE
}

package io.ordergate.scayle.boundary;

import java.util.List;

/**
 * What SCAYLE sent about one order, without its customer data: every delivery attempt (delegation
 * and cancellation) and every cancellation, oldest first. For timelines that merge it with other
 * modules' history.
 */
public record DelegationHistory(
        List<DelegationDetail.Attempt> attempts, List<DelegationDetail.CancellationView> cancellations) {}

package io.ordergate.scalepoint.boundary;

import java.time.Instant;

/**
 * Which Scalepoint orders a list shows; null parts mean "any".
 *
 * @param caseNumber exact
 * @param from inclusive, on the order's creation
 * @param to exclusive
 */
public record OrderFilter(OrderStatus status, String caseNumber, Instant from, Instant to) {}

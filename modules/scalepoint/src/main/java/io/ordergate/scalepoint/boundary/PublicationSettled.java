package io.ordergate.scalepoint.boundary;

/**
 * A publication reached its end: Scalepoint accepted it ({@code sent}) or it is dead (refused, or
 * the job queue gave up; a person may retry its job, and it settles again). Fired synchronously in
 * the transaction that records its job's outcome, so whoever caused it ({@code cause}, as given to
 * {@link ScalepointPublications#reported}) can keep its own status in step.
 *
 * @param cause null for an event a person published
 * @param httpStatus the Event API's last answer, null without one
 */
public record PublicationSettled(
        long publicationId, String cause, boolean sent, int attempts, Integer httpStatus, String error) {}

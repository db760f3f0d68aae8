package io.ordergate.scalepoint.boundary;

/** A refresh of Order Data: the fetch job that will do it, and whether it was already waiting. */
public record RefreshRequested(String orderToken, long jobId, boolean alreadyQueued) {}

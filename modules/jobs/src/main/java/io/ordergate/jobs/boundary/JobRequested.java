package io.ordergate.jobs.boundary;

/** The job that will serve a request for a run: a new one ({@code queued}) or the one already waiting. */
public record JobRequested(long jobId, boolean queued) {}

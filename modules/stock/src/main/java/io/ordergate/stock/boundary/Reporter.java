package io.ordergate.stock.boundary;

/**
 * Who reports stock, for the journal and the audit trail: an API client of the warehouse/ERP or a
 * member of staff, the audit action the report is recorded under, and where it came from.
 */
public record Reporter(String actorType, String actor, String action, String source) {}

package io.ordergate.scalepoint.boundary;

/** The claim case a Scalepoint event or order is about; any field may be null. */
public record CaseInfo(String uuid, String number, String externalClaimId, String token, String caseType) {}

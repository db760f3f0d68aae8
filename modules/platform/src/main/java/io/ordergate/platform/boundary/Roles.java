package io.ordergate.platform.boundary;

/**
 * The roles of OrderGate's users, for {@code @RolesAllowed} on facades: {@code admin} may do
 * everything, {@code staff} works with orders and jobs (never credentials), {@code auditor} reads
 * everything and the audit trail, changes nothing.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String STAFF = "staff";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}

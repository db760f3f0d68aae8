package io.ordergate.credentials.boundary;

import java.util.Set;

/** A user who proved their password, with their roles. */
public record AuthenticatedUser(String username, Set<String> roles) {

    public static final String ADMIN = "admin";
    public static final String STAFF = "staff";
    public static final String AUDITOR = "auditor";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

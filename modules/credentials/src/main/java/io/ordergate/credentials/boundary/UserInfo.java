package io.ordergate.credentials.boundary;

import java.time.Instant;
import java.util.SortedSet;

/** A console / admin API user as admins see it: never the password hash. */
public record UserInfo(String username, SortedSet<String> roles, boolean enabled, Instant createdAt) {}

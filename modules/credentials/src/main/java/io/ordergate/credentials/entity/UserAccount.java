package io.ordergate.credentials.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A console / admin API user with a PBKDF2 password hash and roles. */
@Entity
@Table(name = "cred_user")
@NamedQuery(name = UserAccount.COUNT, query = "SELECT COUNT(u) FROM UserAccount u")
@NamedQuery(name = UserAccount.ALL, query = "SELECT u FROM UserAccount u ORDER BY u.username")
@NamedQuery(
        name = UserAccount.OTHER_ENABLED_WITH_ROLE,
        query = "SELECT COUNT(u) FROM UserAccount u JOIN u.roles r "
                + "WHERE r = :role AND u.enabled = TRUE AND u.username <> :name")
public class UserAccount {

    public static final String COUNT = "UserAccount.count";
    public static final String ALL = "UserAccount.all";
    /** How many enabled users other than {@code :name} have {@code :role}. */
    public static final String OTHER_ENABLED_WITH_ROLE = "UserAccount.otherEnabledWithRole";

    /** The rule for user names: 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Id
    @Column(name = "username")
    String username;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cred_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    Set<String> roles = new HashSet<>();

    /** Whether a user could have this name: the rule new users are held to. */
    public static boolean isPossibleName(String username) {
        return username != null
                && username.length() <= 64
                && NAME.matcher(username).matches();
    }

    protected UserAccount() {}

    public UserAccount(String username, String passwordHash, Set<String> roles, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
        this.roles = new HashSet<>(roles);
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public void changeRoles(Set<String> newRoles, Instant now) {
        roles.clear();
        roles.addAll(newRoles);
        updatedAt = now;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        updatedAt = now;
    }

    public void enable(boolean on, Instant now) {
        enabled = on;
        updatedAt = now;
    }
}

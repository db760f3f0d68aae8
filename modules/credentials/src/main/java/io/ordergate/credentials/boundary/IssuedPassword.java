package io.ordergate.credentials.boundary;

/** A user with a password just generated for them: shown this once, never stored in clear. */
public record IssuedPassword(UserInfo user, String password) {

    @Override
    public String toString() {
        return "IssuedPassword[user=" + user + ", password=***]";
    }
}

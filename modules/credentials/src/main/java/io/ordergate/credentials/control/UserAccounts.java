package io.ordergate.credentials.control;

import io.ordergate.credentials.entity.UserAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Set;

/** Adds users, however they come about (the initial admin at startup, an admin's new user): hashed the same way. */
@Stateless
public class UserAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    Clock clock;

    public boolean none() {
        return em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult() == 0;
    }

    public UserAccount add(String username, String password, Set<String> roles) {
        var account = new UserAccount(username, passwords.generate(password), roles, clock.instant());
        em.persist(account);
        return account;
    }
}

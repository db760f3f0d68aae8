package io.ordergate.credentials.boundary;

import io.ordergate.credentials.control.MasterKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup: refuses to run without a valid master key, and creates the initial {@code admin} user
 * when there is no user yet. That the key is the one this database was used with is the platform's
 * {@code MasterKeyCheck}, which runs first.
 */
@Singleton
@Startup
@DependsOn({"Database", "MasterKeyCheck"})
// Each step commits on its own, so a generated password is logged only once it is really stored.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CredentialsStartup {

    static final Logger LOG = Logger.getLogger(CredentialsStartup.class.getName());

    @Inject
    MasterKey masterKey;

    @Inject
    UserBootstrap bootstrap;

    @Inject
    @ConfigProperty(name = "ordergate.admin.password")
    Optional<String> adminPassword;

    @PostConstruct
    void start() {
        masterKey.derive("startup-check");
        bootstrap
                .ensureInitialAdmin(adminPassword.filter(p -> !p.isBlank()))
                .ifPresentOrElse(
                        generated ->
                                LOG.warning("Created the initial user 'admin' with the generated password '" + generated
                                        + "'. It is shown only this once: note it now, or set ORDERGATE_ADMIN_PASSWORD before the "
                                        + "first start."),
                        () -> LOG.fine("Users exist or the initial admin password was configured"));
    }
}

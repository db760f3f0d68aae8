package io.ordergate.scayle.boundary;

import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.credentials.boundary.ScayleMerchantCredentials;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.entity.MerchantSettings;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;

/** Per-merchant settings that shape what OrderGate answers SCAYLE: today the stock policy. */
@Stateless
@DenyAll
public class ScayleMerchantSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    ScayleMerchantCredentials merchants;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** @throws io.ordergate.platform.boundary.ProblemException 404 for a merchant that does not exist */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MerchantSettingsView get(String merchantKey) {
        merchants.scayleCredentials(merchantKey);
        var settings = em.find(MerchantSettings.class, merchantKey);
        return settings == null
                ? new MerchantSettingsView(merchantKey, MerchantSettings.DEFAULT_STOCK_POLICY, null, null)
                : view(settings);
    }

    @RolesAllowed(Roles.ADMIN)
    public MerchantSettingsView update(String merchantKey, StockPolicy stockPolicy, String actor) {
        merchants.scayleCredentials(merchantKey);
        var now = clock.instant();
        var settings = em.find(MerchantSettings.class, merchantKey, LockModeType.PESSIMISTIC_WRITE);
        var before = settings == null ? MerchantSettings.DEFAULT_STOCK_POLICY : settings.stockPolicy();
        if (settings == null) {
            settings = new MerchantSettings(merchantKey, stockPolicy, now, actor);
            em.persist(settings);
        } else {
            settings.change(stockPolicy, now, actor);
        }
        audit.record(AuditEntry.byUser(
                actor,
                "scayle.merchant.settings-changed",
                "scayle-merchant",
                merchantKey,
                Map.of("stockPolicy", LowerCaseEnum.wire(stockPolicy), "before", LowerCaseEnum.wire(before))));
        return view(settings);
    }

    static MerchantSettingsView view(MerchantSettings settings) {
        return new MerchantSettingsView(
                settings.merchantKey(), settings.stockPolicy(), settings.updatedAt(), settings.updatedBy());
    }
}

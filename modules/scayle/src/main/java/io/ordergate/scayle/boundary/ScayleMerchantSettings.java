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
import java.util.TreeMap;

/**
 * Per-merchant settings that shape how OrderGate handles SCAYLE's orders: the stock policy (what an
 * item gets whose SKU has no level) and the map of SCAYLE's warehouse ids to the merchant's
 * warehouse reference keys (which items a cancellation that names warehouses covers).
 */
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
                ? new MerchantSettingsView(merchantKey, MerchantSettings.DEFAULT_STOCK_POLICY, Map.of(), null, null)
                : view(settings);
    }

    /**
     * @param stockPolicy null to keep it
     * @param warehouses SCAYLE warehouse id → warehouseReferenceKey (replaces the map); null to keep it
     */
    @RolesAllowed(Roles.ADMIN)
    public MerchantSettingsView update(
            String merchantKey, StockPolicy stockPolicy, Map<Long, String> warehouses, String actor) {
        merchants.scayleCredentials(merchantKey);
        var now = clock.instant();
        var settings = em.find(MerchantSettings.class, merchantKey, LockModeType.PESSIMISTIC_WRITE);
        if (settings == null) {
            settings = new MerchantSettings(merchantKey, now, actor);
            em.persist(settings);
        }
        var before = view(settings);
        settings.change(stockPolicy, warehouses, now, actor);
        var after = view(settings);
        audit.record(AuditEntry.byUser(
                actor,
                "scayle.merchant.settings-changed",
                "scayle-merchant",
                merchantKey,
                Map.of(
                        "stockPolicy", LowerCaseEnum.wire(after.stockPolicy()),
                        "stockPolicyBefore", LowerCaseEnum.wire(before.stockPolicy()),
                        "warehouses", after.warehouses().toString(),
                        "warehousesBefore", before.warehouses().toString())));
        return after;
    }

    static MerchantSettingsView view(MerchantSettings settings) {
        var warehouses = new TreeMap<String, String>();
        settings.warehouses().forEach((id, reference) -> warehouses.put(String.valueOf(id), reference));
        return new MerchantSettingsView(
                settings.merchantKey(), settings.stockPolicy(), warehouses, settings.updatedAt(), settings.updatedBy());
    }
}

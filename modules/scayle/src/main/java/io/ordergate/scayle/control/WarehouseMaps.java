package io.ordergate.scayle.control;

import io.ordergate.scayle.entity.MerchantSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of an order's items a SCAYLE cancellation covers (fulfilment spec §5): SCAYLE names its own
 * numeric warehouse ids, our items carry the merchant's warehouse reference keys, and the merchant's
 * map ({@link MerchantSettings#warehouses}) joins the two.
 */
@ApplicationScoped
public class WarehouseMaps {

    @PersistenceContext
    EntityManager em;

    /**
     * @return the warehouse reference keys whose items the cancellation covers, or null for every
     *     item: when it names no warehouse, or the merchant has no map. A map that knows none of the
     *     named ids gives an empty set: no item is covered.
     */
    public Set<String> covered(String merchantKey, List<Long> warehouseIds) {
        if (warehouseIds.isEmpty()) {
            return null;
        }
        var settings = em.find(MerchantSettings.class, merchantKey);
        Map<Long, String> map = settings == null ? Map.of() : settings.warehouses();
        if (map.isEmpty()) {
            return null;
        }
        var covered = new TreeSet<String>();
        warehouseIds.stream()
                .map(map::get)
                .filter(reference -> reference != null)
                .forEach(covered::add);
        return covered;
    }
}

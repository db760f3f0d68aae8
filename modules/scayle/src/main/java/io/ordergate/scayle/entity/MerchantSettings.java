package io.ordergate.scayle.entity;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What an admin has set for one SCAYLE merchant; a merchant without a row has the defaults. */
@Entity
@Table(name = "scayle_merchant_settings")
public class MerchantSettings {

    /** What a merchant has before an admin sets anything. */
    public static final StockPolicy DEFAULT_STOCK_POLICY = StockPolicy.TRUST;

    @Id
    @Column(name = "merchant_key")
    String merchantKey;

    /** The policy's lower-case name, as the schema's CHECK constraint names it. */
    @Column(name = "stock_policy", nullable = false)
    String stockPolicy;

    /** SCAYLE warehouse id → our warehouseReferenceKey, as a JSON object. */
    @Column(name = "warehouse_map", nullable = false)
    String warehouseMap;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    protected MerchantSettings() {}

    /** The defaults, to be changed. */
    public MerchantSettings(String merchantKey, Instant now, String actor) {
        this.merchantKey = merchantKey;
        this.stockPolicy = LowerCaseEnum.wire(DEFAULT_STOCK_POLICY);
        this.warehouseMap = "{}";
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** @param stockPolicy null to keep it; @param warehouses null to keep them */
    public void change(StockPolicy stockPolicy, Map<Long, String> warehouses, Instant now, String actor) {
        if (stockPolicy != null) {
            this.stockPolicy = LowerCaseEnum.wire(stockPolicy);
        }
        if (warehouses != null) {
            var json = Jsons.createObjectBuilder();
            new TreeMap<>(warehouses).forEach((id, reference) -> json.add(String.valueOf(id), reference));
            this.warehouseMap = json.build().toString();
        }
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** SCAYLE warehouse id → our warehouseReferenceKey; empty when none is mapped. */
    public Map<Long, String> warehouses() {
        var map = new TreeMap<Long, String>();
        try (var reader = Jsons.createReader(new StringReader(warehouseMap))) {
            reader.readObject()
                    .forEach((id, reference) -> map.put(Long.valueOf(id), ((JsonString) reference).getString()));
        }
        return map;
    }

    public String merchantKey() {
        return merchantKey;
    }

    public StockPolicy stockPolicy() {
        return LowerCaseEnum.parse(StockPolicy.class, stockPolicy);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}

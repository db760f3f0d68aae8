package io.ordergate.scayle.entity;

import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.stock.boundary.StockPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    protected MerchantSettings() {}

    public MerchantSettings(String merchantKey, StockPolicy stockPolicy, Instant now, String actor) {
        this.merchantKey = merchantKey;
        change(stockPolicy, now, actor);
    }

    public final void change(StockPolicy stockPolicy, Instant now, String actor) {
        this.stockPolicy = LowerCaseEnum.wire(stockPolicy);
        this.updatedAt = now;
        this.updatedBy = actor;
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

package io.ordergate.scayle.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One item of a delegation, in request order, with the quantity we acknowledged. */
@Entity
@Table(name = "scayle_delegation_item")
@IdClass(DelegationItem.Key.class)
@NamedQuery(name = DelegationItem.OF_DELEGATION,
        query = "SELECT i FROM DelegationItem i WHERE i.delegationId = :id ORDER BY i.position")
public class DelegationItem {

    public static final String OF_DELEGATION = "DelegationItem.ofDelegation";

    @Id
    @Column(name = "delegation_id")
    public Long delegationId;

    @Id
    @Column(name = "position")
    public int position;

    @Column(name = "reference_key", nullable = false)
    public String referenceKey;

    @Column(name = "merchant_key", nullable = false)
    public String merchantKey;

    @Column(name = "quantity", nullable = false)
    public int quantity;

    @Column(name = "deliverable_quantity", nullable = false)
    public int deliverableQuantity;

    @Column(name = "order_item_id")
    public Long orderItemId;

    @Column(name = "sku")
    public String sku;

    @Column(name = "name")
    public String name;

    @Column(name = "currency_code")
    public String currencyCode;

    @Column(name = "price")
    public Long price;

    @Column(name = "warehouse_reference_key")
    public String warehouseReferenceKey;

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        Long delegationId;
        int position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(delegationId, key.delegationId)
                    && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(delegationId, position);
        }
    }
}

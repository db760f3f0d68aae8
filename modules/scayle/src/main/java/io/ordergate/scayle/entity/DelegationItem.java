package io.ordergate.scayle.entity;

import io.ordergate.scayle.boundary.DelegationDetail;
import io.ordergate.scayle.boundary.DelegationRequest;
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
@NamedQuery(
        name = DelegationItem.OF_DELEGATION,
        query = "SELECT i FROM DelegationItem i WHERE i.delegationId = :id ORDER BY i.position")
public class DelegationItem {

    public static final String OF_DELEGATION = "DelegationItem.ofDelegation";

    @Id
    @Column(name = "delegation_id")
    Long delegationId;

    @Id
    @Column(name = "position")
    int position;

    @Column(name = "reference_key", nullable = false)
    String referenceKey;

    @Column(name = "merchant_key", nullable = false)
    String merchantKey;

    @Column(name = "quantity", nullable = false)
    int quantity;

    @Column(name = "deliverable_quantity", nullable = false)
    int deliverableQuantity;

    @Column(name = "order_item_id")
    Long orderItemId;

    @Column(name = "sku")
    String sku;

    @Column(name = "name")
    String name;

    @Column(name = "currency_code")
    String currencyCode;

    @Column(name = "price")
    Long price;

    @Column(name = "warehouse_reference_key")
    String warehouseReferenceKey;

    protected DelegationItem() {}

    /** The item at {@code position} of the order, as SCAYLE sent it, and how many units we promised. */
    public DelegationItem(long delegationId, int position, DelegationRequest.Item item, int deliverableQuantity) {
        this.delegationId = delegationId;
        this.position = position;
        this.referenceKey = item.referenceKey();
        this.merchantKey = item.merchantKey();
        this.quantity = item.quantity();
        this.deliverableQuantity = deliverableQuantity;
        this.orderItemId = item.orderItemId();
        this.sku = item.sku();
        this.name = item.name();
        this.currencyCode = item.currencyCode();
        this.price = item.price();
        this.warehouseReferenceKey = item.warehouseReferenceKey();
    }

    public DelegationDetail.Item item() {
        return new DelegationDetail.Item(
                referenceKey,
                merchantKey,
                quantity,
                deliverableQuantity,
                orderItemId,
                sku,
                name,
                currencyCode,
                price,
                warehouseReferenceKey);
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        Long delegationId;
        int position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(delegationId, key.delegationId)
                    && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(delegationId, position);
        }
    }
}

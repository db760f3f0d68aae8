package io.ordergate.scayle.entity;

import io.ordergate.scayle.boundary.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The billing or shipping address of a delegation. */
@Entity
@Table(name = "scayle_delegation_address")
@IdClass(DelegationAddress.Key.class)
@NamedQuery(
        name = DelegationAddress.OF_DELEGATION,
        query = "SELECT a FROM DelegationAddress a WHERE a.delegationId = :id ORDER BY a.kind")
public class DelegationAddress {

    public static final String OF_DELEGATION = "DelegationAddress.ofDelegation";
    public static final String BILLING = "billing";
    public static final String SHIPPING = "shipping";

    @Id
    @Column(name = "delegation_id")
    Long delegationId;

    @Id
    @Column(name = "kind")
    String kind;

    @Column(name = "first_name")
    String firstName;

    @Column(name = "last_name")
    String lastName;

    @Column(name = "street")
    String street;

    @Column(name = "house_number")
    String houseNumber;

    @Column(name = "additional")
    String additional;

    @Column(name = "zip_code")
    String zipCode;

    @Column(name = "city")
    String city;

    @Column(name = "country_code")
    String countryCode;

    @Column(name = "phone_number")
    String phoneNumber;

    protected DelegationAddress() {}

    /** @param kind {@link #BILLING} or {@link #SHIPPING} */
    public DelegationAddress(long delegationId, String kind, Address address) {
        this.delegationId = delegationId;
        this.kind = kind;
        this.firstName = address.firstName();
        this.lastName = address.lastName();
        this.street = address.street();
        this.houseNumber = address.houseNumber();
        this.additional = address.additional();
        this.zipCode = address.zipCode();
        this.city = address.city();
        this.countryCode = address.countryCode();
        this.phoneNumber = address.phoneNumber();
    }

    public String kind() {
        return kind;
    }

    public Address address() {
        return new Address(
                firstName, lastName, street, houseNumber, additional, zipCode, city, countryCode, phoneNumber);
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        Long delegationId;
        String kind;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(delegationId, key.delegationId)
                    && Objects.equals(kind, key.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(delegationId, kind);
        }
    }
}

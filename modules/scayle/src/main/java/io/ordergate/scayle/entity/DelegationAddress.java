package io.ordergate.scayle.entity;

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
@NamedQuery(name = DelegationAddress.OF_DELEGATION,
        query = "SELECT a FROM DelegationAddress a WHERE a.delegationId = :id ORDER BY a.kind")
public class DelegationAddress {

    public static final String OF_DELEGATION = "DelegationAddress.ofDelegation";

    @Id
    @Column(name = "delegation_id")
    public Long delegationId;

    @Id
    @Column(name = "kind")
    public String kind;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "street")
    public String street;

    @Column(name = "house_number")
    public String houseNumber;

    @Column(name = "additional")
    public String additional;

    @Column(name = "zip_code")
    public String zipCode;

    @Column(name = "city")
    public String city;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "phone_number")
    public String phoneNumber;

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        Long delegationId;
        String kind;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(delegationId, key.delegationId)
                    && Objects.equals(kind, key.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(delegationId, kind);
        }
    }
}

package io.ordergate.scayle.entity;

import io.ordergate.scayle.boundary.DelegationStatus;
import jakarta.persistence.Converter;

/** {@code scayle_delegation.status}. */
@Converter
public class DelegationStatusConverter extends LowerCaseColumn<DelegationStatus> {

    public DelegationStatusConverter() {
        super(DelegationStatus.class);
    }
}

package io.ordergate.scayle.boundary;

/** The recognisable fields of a SCAYLE billing or shipping address; any of them may be null. */
public record Address(
        String firstName,
        String lastName,
        String street,
        String houseNumber,
        String additional,
        String zipCode,
        String city,
        String countryCode,
        String phoneNumber) {}

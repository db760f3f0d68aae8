package io.ordergate.scalepoint.entity;

import io.ordergate.scalepoint.boundary.PublicationStatus;
import jakarta.persistence.Converter;

/** {@code sp_publication.status}. */
@Converter
public class PublicationStatusColumn extends LowerCaseColumn<PublicationStatus> {

    public PublicationStatusColumn() {
        super(PublicationStatus.class);
    }
}

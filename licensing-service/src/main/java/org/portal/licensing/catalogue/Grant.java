package org.portal.licensing.catalogue;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One operation on one base section that an edition allows. */
@Embeddable
public class Grant {

    @Column(name = "section_code")
    public String section;

    @Enumerated(EnumType.STRING)
    public Operation operation;

    @Override
    public boolean equals(Object other) {
        return other instanceof Grant grant && Objects.equals(section, grant.section) && operation == grant.operation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(section, operation);
    }
}

package org.portal.licensing.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "base_sections")
public class BaseSection extends PanacheEntityBase {

    @Id
    public String code;
    public String title;
    public String moduleCode;
}

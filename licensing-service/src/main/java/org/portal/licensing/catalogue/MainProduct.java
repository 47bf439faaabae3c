package org.portal.licensing.catalogue;

import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "main_products")
public class MainProduct extends PanacheEntityBase {

    @Id
    public String code;
    public String title;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "main_product_modules", joinColumns = @JoinColumn(name = "product_code"))
    @Column(name = "module_code")
    public Set<String> modules;
}

package org.portal.licensing.catalogue;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A module of the main products (a base section belongs to one). */
@Entity
@Table(name = "modules")
public class Module extends PanacheEntityBase {

    @Id
    public String code;
    public String title;

    public static List<String> codes() {
        return Module.<Module> listAll().stream().map(module -> module.code).toList();
    }
}

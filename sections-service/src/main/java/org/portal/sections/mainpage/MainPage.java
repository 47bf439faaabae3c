package org.portal.sections.mainpage;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "main_pages")
public class MainPage extends PanacheEntityBase {

    @Id
    public String edition;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Widget> widgets;
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public long version;
}

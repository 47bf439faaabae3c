package org.portal.sections.mainpage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "main_pages")
public class MainPage extends PanacheEntityBase {

    @Id
    public String edition;
    /** The widgets, as JSON: read and written through {@link MainPageService}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String widgets;
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public long version;
}

package bench;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The one entity: Hibernate boots, validates it against the table Flyway made. */
@Entity
@Table(name = "stack_app_note")
public class Note extends PanacheEntity {
    public String text;
}

package jp.tsunagu.directory;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation window (相談窓口, e.g. 地域包括支援センター). One organisation may answer on different
 * numbers for different areas, so its phone and FAX live on its contact lines.
 */
@Entity
@Table(name = "consultation_window")
public class ConsultationWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public WindowCategory category;

    public String address;

    @Version
    public long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @OneToMany(mappedBy = "window", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<WindowContact> contacts = new ArrayList<>();

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** Replaces the contact lines wholesale, keeping their order. */
    void replaceContacts(List<WindowContact> lines) {
        contacts.clear();
        int position = 0;
        for (WindowContact line : lines) {
            line.window = this;
            line.position = position++;
            contacts.add(line);
        }
    }
}

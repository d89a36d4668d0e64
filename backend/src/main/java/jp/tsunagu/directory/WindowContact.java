package jp.tsunagu.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jp.tsunagu.area.Area;

import java.util.LinkedHashSet;
import java.util.Set;

/** One phone/FAX line of a window and the areas it answers for. */
@Entity
@Table(name = "window_contact")
public class WindowContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "window_id")
    public ConsultationWindow window;

    public int position;

    public String phone;

    public String fax;

    @ManyToMany
    @JoinTable(name = "window_contact_area", joinColumns = @JoinColumn(name = "contact_id"),
            inverseJoinColumns = @JoinColumn(name = "area_id"))
    @OrderBy("code")
    public Set<Area> areas = new LinkedHashSet<>();
}

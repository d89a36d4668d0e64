package jp.tsunagu.auth;

import jp.tsunagu.shared.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Version;
import io.quarkus.arc.Arc;
import jp.tsunagu.area.Area;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** A staff login (職員アカウント): bcrypt-hashed password, roles, and for coordinators their districts. */
@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean active = true;

    /** Signs in at the city's provider: no password of ours, roles and districts from the provider's claims. */
    public boolean external;

    /** Set by an administrator's password reset: the holder must choose a new one before doing anything else. */
    @Column(name = "must_change_password")
    public boolean mustChangePassword;

    @Column(name = "last_sign_in_at")
    public OffsetDateTime lastSignInAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "account_district", joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "area_id"))
    public Set<Area> districts = new LinkedHashSet<>();

    /** Every change, its roles and districts included (they move {@link #version} on): the replicas' memory of it stops counting. */
    @PostPersist
    @PostUpdate
    @PostRemove
    void changed() {
        Arc.container().instance(AccountStandings.class).get().changedInThisTransaction();
    }
}

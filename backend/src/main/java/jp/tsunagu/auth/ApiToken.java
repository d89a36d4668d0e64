package jp.tsunagu.auth;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/** A token for another system or a script (連携用トークン). Only the SHA-256 of its secret is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** After this the token answers 401 until an administrator renews it. */
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** The secret before the last rotation, still accepted until {@link #previousValidUntil}. */
    @Column(name = "previous_hash")
    public String previousHash;

    @Column(name = "previous_valid_until")
    public OffsetDateTime previousValidUntil;

    @Column(name = "rotated_at")
    public OffsetDateTime rotatedAt;

    public boolean live(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_scope", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "scope")
    public Set<String> scopes = new TreeSet<>();

    public boolean revoked() {
        return revokedAt != null;
    }
}

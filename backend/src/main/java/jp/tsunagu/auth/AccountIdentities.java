package jp.tsunagu.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.security.Role;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a verified token's bearer is now: their account as it stands in the database (remembered between changes by
 * {@link AccountStandings}), so that disabling an account, changing its roles or districts or resetting its password takes effect at once (on
 * every replica) rather than when the token expires. People who sign in at the city's provider get an account on
 * their first sign-in, from the provider's claims, which stay the source of their roles and districts.
 */
@ApplicationScoped
class AccountIdentities {

    /** The account's standing: who, what they may do, where, and whether they must change their password first. */
    record Standing(String username, String displayName, Set<String> roles, List<String> districts, boolean mustChangePassword) {
    }

    private final AccountRepository accounts;
    private final AreaService areas;
    private final AccountStandings remembered;

    AccountIdentities(AccountRepository accounts, AreaService areas, AccountStandings remembered) {
        this.accounts = accounts;
        this.areas = areas;
        this.remembered = remembered;
    }

    /** The active account of a token we signed; empty when it was disabled or deleted since ({@link AccountStandings} keeps it current). */
    Optional<Standing> own(String username) {
        return remembered.get(username, () -> read(username));
    }

    @Transactional
    Optional<Standing> read(String username) {
        return accounts.findByUsername(username).filter(a -> a.active && !a.external).map(AccountIdentities::standing);
    }

    /** The account of someone the city's provider vouches for, made on their first sign-in; empty when an administrator disabled it. */
    @Transactional
    Optional<Standing> external(JwtCodec.Claims claims) {
        Account account = accounts.findByUsername(claims.username()).orElse(null);
        OffsetDateTime now = OffsetDateTime.now();
        if (account == null) {
            account = new Account();
            account.username = claims.username();
            account.displayName = claims.displayName() == null ? claims.username() : claims.displayName();
            account.external = true;
            accounts.persist(account);
        } else if (!account.active || !account.external) {
            // Disabled here, or a password account of ours with the same name: the provider cannot take it over.
            return Optional.empty();
        }
        account.displayName = claims.displayName() == null ? claims.username() : claims.displayName();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claims.roles().forEach(r -> roles.add(Role.valueOf(r)));
        if (!roles.equals(account.roles)) {
            account.roles = roles;
        }
        Set<Area> districts = new LinkedHashSet<>();
        claims.districts().forEach(code -> areas.find(code).ifPresent(districts::add));
        if (!districts.equals(account.districts)) {
            account.districts = districts;
        }
        if (account.lastSignInAt == null || account.lastSignInAt.isBefore(now.minusMinutes(5))) {
            account.lastSignInAt = now;
        }
        return Optional.of(new Standing(account.username, account.displayName, claims.roles(), claims.districts(), false));
    }

    private static Standing standing(Account a) {
        Set<String> roles = new LinkedHashSet<>();
        if (!a.mustChangePassword) {
            a.roles.forEach(r -> roles.add(r.name()));
        }
        return new Standing(a.username, a.displayName, roles, a.districts.stream().map(d -> d.code).sorted().toList(), a.mustChangePassword);
    }
}

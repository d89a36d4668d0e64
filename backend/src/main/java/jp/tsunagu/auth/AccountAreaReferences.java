package jp.tsunagu.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaReferences;

import java.util.Optional;

@ApplicationScoped
class AccountAreaReferences implements AreaReferences {

    private final AccountRepository accounts;

    AccountAreaReferences(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> describeUsesOf(Area area) {
        return accounts.referencesDistrict(area.id) ? Optional.of("担当地区に持つアカウント") : Optional.empty();
    }
}

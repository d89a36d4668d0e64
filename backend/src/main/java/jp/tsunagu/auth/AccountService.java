package jp.tsunagu.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.PageCursor;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;
import jp.tsunagu.shared.security.Role;
import org.mindrot.jbcrypt.BCrypt;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 職員アカウント (ADMIN): creating, finding, changing, disabling staff accounts and resetting their passwords; and
 * anyone changing their own password. Every change goes to the audit log: who, when, what changed, from where.
 */
@ApplicationScoped
class AccountService {

    private final AccountRepository accounts;
    private final AreaService areas;
    private final AccountAudit audit;

    AccountService(AccountRepository accounts, AreaService areas, AccountAudit audit) {
        this.accounts = accounts;
        this.areas = areas;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AccountPage list(String text, Role role, int limit, String cursor) {
        String after = cursor == null ? null : PageCursor.decode(cursor);
        List<Account> page = accounts.search(text, role, after, limit + 1);
        boolean more = page.size() > limit;
        List<AccountResponse> items = (more ? page.subList(0, limit) : page).stream().map(AccountService::response).toList();
        return new AccountPage(items, more ? PageCursor.encode(items.get(items.size() - 1).username()) : null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AccountResponse get(long id) {
        return response(require(id));
    }

    @Transactional
    AccountResponse create(CreateAccountRequest r, String actor) {
        String username = r.username().strip();
        if (accounts.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("username-taken", "ユーザー名「" + username + "」はすでに使われています。");
        }
        PasswordPolicy.require(r.password(), username, "password");
        Account a = new Account();
        a.username = username;
        a.displayName = r.displayName().strip();
        a.roles = EnumSet.copyOf(r.roles());
        a.districts = districts(r.districtCodes());
        a.passwordHash = AuthService.hashPassword(r.password());
        a.mustChangePassword = true;
        accounts.persist(a);
        accounts.flush();
        audit.record(actor, "CREATE", a, "作成（" + describe(a) + "）");
        return response(a);
    }

    /** Roles, districts, name, active. Disabling the last active administrator is refused (409). */
    @Transactional
    AccountResponse update(long id, UpdateAccountRequest r, String actor) {
        Account a = require(id);
        Versions.check(r.version(), a.version, "アカウント「" + a.username + "」");
        String before = describe(a);
        Set<Role> roles = EnumSet.copyOf(r.roles());
        boolean stillAdmin = r.active() && roles.contains(Role.ADMIN);
        if (a.active && a.roles.contains(Role.ADMIN) && !stillAdmin && accounts.otherActiveAdministrators(a.id) == 0) {
            throw ProblemException.conflict("last-administrator", "有効な管理者がほかにいないため、「" + a.username + "」を無効にしたり管理者から外したりできません。");
        }
        a.displayName = r.displayName().strip();
        a.roles = roles;
        a.districts = districts(r.districtCodes());
        a.active = r.active();
        a.updatedAt = OffsetDateTime.now();
        accounts.flush();
        String after = describe(a);
        audit.record(actor, "UPDATE", a, before.equals(after) ? "表示名の変更" : before + " → " + after);
        return response(a);
    }

    /** A temporary password: the holder must choose their own at the next sign-in. */
    @Transactional
    AccountResponse resetPassword(long id, PasswordResetRequest r, String actor) {
        Account a = require(id);
        if (a.external) {
            throw ProblemException.conflict("external-account", "「" + a.username + "」は市の認証基盤でログインするため、パスワードはありません。");
        }
        PasswordPolicy.require(r.password(), a.username, "password");
        a.passwordHash = AuthService.hashPassword(r.password());
        a.mustChangePassword = true;
        a.updatedAt = OffsetDateTime.now();
        audit.record(actor, "UPDATE", a, "パスワードを再設定（次のログインで変更）");
        return response(a);
    }

    /** The caller's own new password, given the current one. */
    @Transactional
    void changeOwnPassword(String username, PasswordChangeRequest r) {
        Account a = accounts.findByUsername(username).filter(x -> x.active && !x.external)
                .orElseThrow(() -> new ProblemException(403, "no-password", "パスワードを変更できません",
                        "このアカウントには Tsunagu のパスワードがありません。", null));
        if (!BCrypt.checkpw(r.currentPassword(), a.passwordHash)) {
            throw new ProblemException(422, "wrong-password", "いまのパスワードが違います", "currentPassword: いまのパスワードが正しくありません",
                    List.of(new Problem.FieldError("currentPassword", "いまのパスワードが正しくありません")));
        }
        if (r.newPassword().equals(r.currentPassword())) {
            throw new ProblemException(422, "weak-password", "パスワードが弱すぎます", "newPassword: いまと違うパスワードにしてください",
                    List.of(new Problem.FieldError("newPassword", "いまと違うパスワードにしてください")));
        }
        PasswordPolicy.require(r.newPassword(), a.username, "newPassword");
        a.passwordHash = AuthService.hashPassword(r.newPassword());
        a.mustChangePassword = false;
        a.updatedAt = OffsetDateTime.now();
        audit.record(a.username, "UPDATE", a, "本人がパスワードを変更");
    }

    private Account require(long id) {
        return accounts.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("account-not-found", "アカウント " + id + " はありません。"));
    }

    /** The districts named by code: every unknown code is listed in one 422. */
    private Set<Area> districts(List<String> codes) {
        Set<Area> out = new LinkedHashSet<>();
        List<Problem.FieldError> unknown = new ArrayList<>();
        List<String> given = codes == null ? List.of() : codes;
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i).strip();
            var area = areas.find(code);
            if (area.isPresent()) {
                out.add(area.get());
            } else {
                unknown.add(new Problem.FieldError("districtCodes[" + i + "]", "地域コード " + code + " はありません"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "area-not-found", "地域が見つかりません",
                    unknown.stream().map(Problem.FieldError::message).collect(Collectors.joining("、")), unknown);
        }
        return out;
    }

    private static String describe(Account a) {
        return (a.active ? "有効" : "無効") + "、" + a.roles.stream().map(Role::name).sorted().collect(Collectors.joining("・"))
                + (a.districts.isEmpty() ? "" : "、担当 " + a.districts.stream().map(d -> d.code).sorted().collect(Collectors.joining("・")));
    }

    static AccountResponse response(Account a) {
        return new AccountResponse(a.id, a.username, a.displayName, Role.all(a.roles.stream().map(Role::name).toList()),
                a.districts.stream().sorted(java.util.Comparator.comparing((Area d) -> d.code)).map(AreaRef::of).toList(),
                a.active, a.external, a.mustChangePassword, a.lastSignInAt, a.createdAt, a.version);
    }
}

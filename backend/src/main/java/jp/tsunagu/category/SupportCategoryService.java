package jp.tsunagu.category;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.shared.ProblemException;

import java.util.List;

/** 困りごとの種類: the list offered to coordinators and the admin's changes to it. */
@ApplicationScoped
public class SupportCategoryService {

    private final SupportCategoryRepository categories;

    SupportCategoryService(SupportCategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<SupportCategoryResponse> list() {
        return categories.listActive().stream().map(SupportCategoryService::response).toList();
    }

    @Transactional
    SupportCategoryResponse put(String code, SupportCategoryRequest r) {
        String name = r.name().strip();
        if (categories.nameTakenByOther(name, code)) {
            throw ProblemException.conflict("category-name-taken", "困りごとの種類「" + name + "」はすでにあります。");
        }
        SupportCategory c = categories.findByCode(code).orElse(null);
        if (c == null) {
            c = new SupportCategory();
            c.code = code;
            c.position = categories.nextPosition();
        }
        c.name = name;
        c.requiresVehicle = r.requiresVehicle();
        String heading = jp.tsunagu.shared.Strings.strippedOrNull(r.reportHeading());
        c.reportHeading = heading == null || heading.equals(name) ? null : heading;
        if (r.position() != null) {
            c.position = r.position();
        }
        c.active = r.active() == null || r.active();
        if (c.id == null) {
            categories.persist(c);
        }
        categories.flush();
        return response(c);
    }

    /** The category a new supporter or request names: 422 when there is none or it is no longer used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SupportCategory requireActive(String code) {
        SupportCategory c = categories.findByCode(code)
                .orElseThrow(() -> ProblemException.unprocessable("unknown-category", "困りごとの種類 " + code + " はありません。"));
        if (!c.active) {
            throw ProblemException.unprocessable("unknown-category", "困りごとの種類「" + c.name + "」は使われなくなりました。");
        }
        return c;
    }

    /** The category with this code, active or not (statistics and rules may name a retired one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<SupportCategory> find(String code) {
        return categories.findByCode(code);
    }

    private static SupportCategoryResponse response(SupportCategory c) {
        return new SupportCategoryResponse(c.id, c.code, c.name, c.requiresVehicle, c.reportHeading);
    }
}

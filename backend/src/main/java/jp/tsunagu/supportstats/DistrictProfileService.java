package jp.tsunagu.supportstats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaKind;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.Versions;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * 校区の取り組み概要: anyone who reads the statistics reads them (no personal data); ADMIN and the district's own
 * coordinators write them. The 相談員 count feeds indicator rules like the other support figures.
 */
@ApplicationScoped
class DistrictProfileService {

    private final DistrictProfileRepository profiles;
    private final AreaService areas;
    private final Event<SupportFiguresChanged> figures;

    DistrictProfileService(DistrictProfileRepository profiles, AreaService areas, Event<SupportFiguresChanged> figures) {
        this.profiles = profiles;
        this.areas = areas;
        this.figures = figures;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    DistrictProfileList list(String areaCode, Integer fiscalYear) {
        Area area = areas.require(areaCode);
        return new DistrictProfileList(profiles.in(areas.subtreeIds(area), fiscalYear).stream().map(DistrictProfileResponse::of).toList());
    }

    @Transactional
    DistrictProfileResponse put(String areaCode, int fiscalYear, DistrictProfileRequest r, Access access) {
        Area area = areas.find(areaCode).filter(a -> access.sees(a.id))
                .orElseThrow(() -> ProblemException.notFound("area-not-found", "地域コード " + areaCode + " はありません。"));
        if (area.kind != AreaKind.SCHOOL_DISTRICT) {
            throw ProblemException.unprocessable("not-a-district", "取り組み概要は校(地)区ごとに書きます（" + area.name + " は " + area.kind + "）。");
        }
        DistrictProfile p = profiles.find(area, fiscalYear).orElse(null);
        if (p == null) {
            p = new DistrictProfile();
            p.area = area;
            p.fiscalYear = fiscalYear;
        } else {
            Versions.check(r.version(), p.version, "「" + area.name + "」の取り組み概要");
        }
        p.counselors = r.counselors();
        p.mainSupport = Strings.strippedOrNull(r.mainSupport());
        p.payment = r.payment();
        p.outcomes = Strings.strippedOrNull(r.outcomes());
        p.updatedAt = OffsetDateTime.now();
        p.updatedBy = access.actor();
        if (p.id == null) {
            profiles.persist(p);
        }
        profiles.flush();
        figures.fire(new SupportFiguresChanged(area, LocalDate.of(fiscalYear, 4, 1)));
        return DistrictProfileResponse.of(p);
    }
}

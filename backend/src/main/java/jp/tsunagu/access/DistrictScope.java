package jp.tsunagu.access;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.ProblemException;

import java.util.HashSet;
import java.util.Set;

/** The areas a caller may place personal data in, and the areas a list of it may show. */
@ApplicationScoped
public class DistrictScope {

    private final AreaService areas;

    DistrictScope(AreaService areas) {
        this.areas = areas;
    }

    /** The area with this code, if the caller may see it: 422 when there is none or it is not theirs. */
    public Area visibleArea(String code, Access access) {
        Area area = areas.find(code).orElseThrow(() -> ProblemException.unprocessable("area-not-found", "地域コード " + code + " はありません。"));
        if (!access.sees(area.id)) {
            throw ProblemException.unprocessable("area-not-yours", "地域「" + area.name + "」は担当外です。");
        }
        if (area.retired()) {
            throw ProblemException.unprocessable("area-retired", "地域「" + area.name + "」は廃止されています。");
        }
        return area;
    }

    /** The area ids a list may show: the area's subtree (or all) within the caller's districts; null = no limit. */
    public Set<Long> listScope(String areaCode, Access access) {
        Set<Long> within = areaCode == null ? null : areas.subtreeIds(areas.require(areaCode));
        if (access.areaIds() == null) {
            return within;
        }
        Set<Long> visible = new HashSet<>(access.areaIds());
        if (within != null) {
            visible.retainAll(within);
        }
        return visible;
    }
}

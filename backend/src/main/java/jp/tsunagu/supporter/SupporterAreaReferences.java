package jp.tsunagu.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaReferences;

import java.util.Optional;

/** Supporters and supporter groups of an area keep it from being deleted (it can be retired). */
@ApplicationScoped
class SupporterAreaReferences implements AreaReferences {

    private final SupporterRepository supporters;
    private final SupporterGroupRepository groups;

    SupporterAreaReferences(SupporterRepository supporters, SupporterGroupRepository groups) {
        this.supporters = supporters;
        this.groups = groups;
    }

    @Override
    public Optional<String> describeUsesOf(Area area) {
        long people = supporters.count("area", area);
        long teams = groups.count("area", area);
        if (people + teams == 0) {
            return Optional.empty();
        }
        return Optional.of((people > 0 ? "担い手 " + people + " 人" : "") + (people > 0 && teams > 0 ? "、" : "")
                + (teams > 0 ? "担い手グループ " + teams + " 件" : ""));
    }
}

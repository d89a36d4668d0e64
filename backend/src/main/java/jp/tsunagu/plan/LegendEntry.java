package jp.tsunagu.plan;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One line of a role legend as printed: a symbol (◎ ○ □ …), what it means there, and which kind of role that is. */
@Embeddable
public class LegendEntry {

    public String symbol;

    public String meaning;

    @Enumerated(EnumType.STRING)
    public ActorRoleKind role;

    LegendEntry() {
    }

    LegendEntry(String symbol, String meaning, ActorRoleKind role) {
        this.symbol = symbol;
        this.meaning = meaning;
        this.role = role;
    }

    /** ◎ 実施主体 and ○ 連携・協力: the legend of a plan that prints none of its own. */
    static java.util.List<LegendEntry> standard() {
        return new java.util.ArrayList<>(java.util.List.of(new LegendEntry("◎", "実施主体", ActorRoleKind.LEAD),
                new LegendEntry("○", "連携・協力", ActorRoleKind.PARTNER)));
    }
}

package jp.tsunagu.plan;

/** The kind of role a legend gives a symbol: the body that carries the project out (LEAD) or one that works with it (PARTNER). */
public enum ActorRoleKind {
    LEAD, PARTNER
}

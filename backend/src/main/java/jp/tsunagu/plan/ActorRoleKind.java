package jp.tsunagu.plan;

/** ◎ 実施主体 (LEAD) or ○ 連携・協力 (PARTNER). */
public enum ActorRoleKind {
    LEAD, PARTNER
}

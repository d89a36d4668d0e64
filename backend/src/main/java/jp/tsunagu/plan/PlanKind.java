package jp.tsunagu.plan;

/**
 * What kind of plan: 地域福祉計画, 地域福祉活動計画 (by the social welfare council), 高齢者保健福祉計画・介護保険事業計画,
 * 障害福祉計画, other.
 */
public enum PlanKind {
    COMMUNITY_WELFARE, COMMUNITY_WELFARE_ACTIVITY, ELDERLY_CARE_INSURANCE, DISABILITY, OTHER
}

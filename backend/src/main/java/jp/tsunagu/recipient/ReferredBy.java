package jp.tsunagu.recipient;

/** Who brought the resident to the coordinator: 福祉協力員 / 民生委員 / ケアマネジャー / 本人 / 家族 / その他. */
public enum ReferredBy {
    WELFARE_VOLUNTEER, COMMISSIONED_WELFARE_VOLUNTEER, CARE_MANAGER, SELF, FAMILY, OTHER
}

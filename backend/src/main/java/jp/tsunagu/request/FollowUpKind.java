package jp.tsunagu.request;

/** The kinds of item in 要対応, in the order the queue shows them. */
public enum FollowUpKind {
    /** 調整中の相談が長く待っている（緊急はすぐ） */
    REQUEST_WAITING,
    /** 担い手が提案に答えていない */
    PROPOSAL_UNANSWERED,
    /** 支援の日が過ぎたのに活動記録がない */
    ACTIVITY_MISSING,
    /** しばらく依頼していない担い手（お礼やお願いの連絡を） */
    SUPPORTER_IDLE
}

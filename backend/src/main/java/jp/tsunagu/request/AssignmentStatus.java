package jp.tsunagu.request;

/** Where a proposal to a supporter stands: 依頼中 → 引受 → 完了, or 辞退. */
public enum AssignmentStatus {
    PROPOSED, ACCEPTED, DECLINED, COMPLETED;

    String label() {
        return switch (this) {
            case PROPOSED -> "依頼中";
            case ACCEPTED -> "引受";
            case DECLINED -> "辞退";
            case COMPLETED -> "完了";
        };
    }
}

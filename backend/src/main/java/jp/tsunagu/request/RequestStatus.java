package jp.tsunagu.request;

/** Where a consultation stands: 受付 → 調整中 → 調整済み → 支援中 → 完了, or 取消 / 窓口へつないだ. */
public enum RequestStatus {
    RECEIVED, MATCHING, ASSIGNED, ACTIVE, COMPLETED, CANCELLED, REFERRED;

    /** Finished: nothing more happens to the request. */
    boolean closed() {
        return this == COMPLETED || this == CANCELLED || this == REFERRED;
    }

    /** Waiting for a supporter: it may be proposed to one. */
    boolean awaitingSupporter() {
        return this == RECEIVED || this == MATCHING;
    }

    String label() {
        return switch (this) {
            case RECEIVED -> "受付";
            case MATCHING -> "調整中";
            case ASSIGNED -> "調整済み";
            case ACTIVE -> "支援中";
            case COMPLETED -> "完了";
            case CANCELLED -> "取消";
            case REFERRED -> "窓口へつないだ";
        };
    }
}

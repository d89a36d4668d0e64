package jp.tsunagu.request;

/** What happened to a request (its timeline's entries). */
public enum RequestEventKind {
    RECEIVED("受付"), EDITED("内容の変更"), CANDIDATES_VIEWED("候補を確認"), MATCHING_STARTED("調整を開始"), PROPOSED("担い手に依頼"),
    ACCEPTED("担い手が引き受け"), DECLINED("担い手が辞退"), ACTIVITY("活動記録"), COMPLETED("完了"), REFERRED("窓口へつないだ"),
    CANCELLED("取消"), REOPENED("再開");

    private final String label;

    RequestEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package jp.tsunagu.supportstats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "指標の実績値にする支援統計: CONSULTATIONS = 相談件数, ADJUSTMENTS = 需給調整件数, "
        + "CATEGORY_SHARE = 困りごとの種類の割合（%）, SUPPORTERS_REGISTERED = 登録している担い手, SUPPORTERS_ACTIVE = 活動中の担い手, "
        + "COUNSELORS = 地域生活支援相談員（校区の取り組み概要の人数）, ACTIVITY_MINUTES = 延べ活動時間（活動記録の分の合計）")
public enum SupportStatistic {
    CONSULTATIONS("相談件数"),
    ADJUSTMENTS("需給調整件数"),
    CATEGORY_SHARE("種類別の割合"),
    SUPPORTERS_REGISTERED("登録している担い手"),
    SUPPORTERS_ACTIVE("活動中の担い手"),
    COUNSELORS("地域生活支援相談員"),
    ACTIVITY_MINUTES("延べ活動時間（分）");

    final String label;

    SupportStatistic(String label) {
        this.label = label;
    }
}

package jp.tsunagu.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.supportstats.SupportStatRuleService;
import jp.tsunagu.supportstats.SupportStatistic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo data of 北九州市社協 地域生活支援活動推進事業 (002_a6c284b05aee70c5.txt): the seven districts with their
 * groups and supporters in the seed's numbers, invented names, and an invented FY2020 whose statistics
 * reproduce the seed: 761 consultations (one of them referred to a consultation window), 910
 * adjustments, and the category shares of the 760 others (ゴミ出し 37.4 %, 掃除 1.8 %, 同行 1.1 %,
 * 代行 25.1 %, 庭木剪定・草取り 3.4 %, 家具等の修理 0.8 %, その他 30.4 %).
 */
@ApplicationScoped
public class SupportDemo {

    static final String[][] CATEGORIES = {
            {"GARBAGE", "ゴミ出し", "f"}, {"BULKY_WASTE", "粗大ごみ", "t"}, {"CLEANING", "掃除", "f"}, {"LAUNDRY", "洗濯", "f"},
            {"SHOPPING_ESCORT", "買い物同行", "f", "同行（買物・通院等）"}, {"HOSPITAL_ESCORT", "通院同行", "f", "同行（買物・通院等）"},
            {"SHOPPING_ERRAND", "買い物代行", "f", "代行（買物等）"},
            {"GARDENING", "庭木剪定・草取り", "f"}, {"REPAIRS", "家具等の修理", "f"}, {"LIGHT_WORK", "電球交換などの軽作業", "f"},
            {"TRANSPORT", "送迎・移動支援", "t"}, {"COMPANIONSHIP", "話し相手・見守り", "f"}, {"OTHER", "その他", "f"}};

    /** District, group, paid or not, supporters, active (the last three districts' people are 活動希望者 found by surveys in R2). */
    private record District(String code, String group, String payment, int supporters, boolean active) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("40102-takasu", "たかすちょこっと応援タイ", "PAID", 32, true),
            new District("40101-shoji", "お助け隊", "UNPAID", 37, true),
            new District("40106-wakazono", "生活支援サポーター", "PAID", 22, true),
            new District("40106-nuki", "生活支援サポーター", "UNPAID", 35, true),
            new District("40101-tanoura", "活動希望者（アンケート）", "UNPAID", 28, false),
            new District("40106-moritsune", "活動希望者（アンケート）", "UNPAID", 322, false),
            new District("40105-nishikokura", "活動希望者（アンケート）", "UNPAID", 54, false));

    /** Area, 相談員, 主な生活支援 (null: none printed), payment (null: not printed), 成果. */
    private static final String[][] PROFILES = {
            {"40102-takasu", "2", "ゴミ出し、掃除、買い物、通院同行 他", "PAID",
                    "◎「たかすちよこっと応援タイ」(32名) ◎見守り活動の充実 ◎ケアマネ等からの依頼もあり。孤立しがちなサービス利用者とのつながりを形成"},
            {"40101-shoji", "5", "ゴミ出し、掃除、買い物、通院同行 他", "UNPAID",
                    "◎「お助け隊」(37名)の立上げ ◎見守り活動で発見したニーズや福祉協力員(ニーズ対応員兼務)の生活支援活動の記録により対象者の把握が進んだ。"},
            {"40106-wakazono", "2", "ゴミ出し、買い物代行を中心に支援", "PAID", "◎「生活支援サポーター」(22名) ◎見守り活動の充実 ◎連絡調整会議の充実"},
            {"40106-nuki", "1", null, null, "◎アンケートによりニーズや活動可能者を調査・把握 ◎「生活支援サポーター」(35名) ◎JA等と移動販売を開始"},
            {"40101-tanoura", "1", "支援内容検討中", null,
                    "◎地域生活課題把握のため、福祉協力員と連携した住民アンケート調査実施 ◎アンケートによる活動希望者発掘(28名)"},
            {"40106-moritsune", "2", null, null,
                    "◎地域生活課題把握のため、自治会等と連携した住民アンケート調査実施 ◎アンケートによる活動希望者発掘(322名) ◎地域関係団体(老人クラブ等)と連携した福祉マップ作成"},
            {"40105-nishikokura", "2", null, null,
                    "◎地域生活課題把握のため、自治会等と連携したアンケート調査実施 ◎アンケートによる活動希望者発掘(54名) ◎研修会実施(35名参加)"}};

    /** FY2020 consultations by category (760, plus one referred): shares round to the seed's. */
    private static final String[] FY2020_CATEGORIES = {"GARBAGE", "CLEANING", "SHOPPING_ESCORT", "SHOPPING_ERRAND", "GARDENING", "REPAIRS", "OTHER"};
    private static final int[] FY2020_COUNTS = {284, 14, 8, 191, 26, 6, 231};
    private static final int FY2020_DECLINED_FIRST = 150;

    private static final String[] FAMILY = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村", "林", "清水", "山崎", "森", "池田"};
    private static final String[] FAMILY_KANA = {"さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと", "なかむら", "こばやし", "かとう", "よしだ", "やまだ", "まつもと", "いのうえ", "きむら", "はやし", "しみず", "やまざき", "もり", "いけだ"};
    private static final String[] GIVEN = {"和子", "洋子", "幸子", "節子", "弘", "茂", "博", "誠", "恵子", "直樹", "美智子", "健一", "裕子", "隆", "明美", "進", "久美子", "勇", "順子", "修"};
    private static final String[] GIVEN_KANA = {"かずこ", "ようこ", "さちこ", "せつこ", "ひろし", "しげる", "ひろし", "まこと", "けいこ", "なおき", "みちこ", "けんいち", "ゆうこ", "たかし", "あけみ", "すすむ", "くみこ", "いさむ", "じゅんこ", "おさむ"};

    private final EntityManager em;
    private final SupportStatRuleService rules;

    SupportDemo(EntityManager em, SupportStatRuleService rules) {
        this.em = em;
        this.rules = rules;
    }

    /** The demo plan's indicators that take their actuals from the seven districts' figures (北九州市). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int linkIndicators() {
        String[][] links = {
                {"kitakyushu-seikatsu-consultations", "CONSULTATIONS", null},
                {"kitakyushu-seikatsu-adjustments", "ADJUSTMENTS", null},
                {"kitakyushu-seikatsu-garbage-share", "CATEGORY_SHARE", "GARBAGE"}};
        int added = 0;
        for (String[] link : links) {
            Number exists = (Number) em.createNativeQuery("""
                    select count(*) from indicator i left join indicator_stat_rule r on r.indicator_id = i.id
                    where i.code = ?1 and r.indicator_id is null""").setParameter(1, link[0]).getSingleResult();
            if (exists.intValue() == 1) {
                rules.link(link[0], "40100", SupportStatistic.valueOf(link[1]), link[2], "demo");
                added++;
            }
        }
        return added;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int load() {
        Number existing = (Number) em.createNativeQuery("select count(*) from support_category").getSingleResult();
        if (existing.intValue() > 0) {
            return 0;
        }
        for (int i = 0; i < CATEGORIES.length; i++) {
            // The 4th column: the heading the 北九州社協 report prints the category under (seed 002), where it differs.
            exec("insert into support_category (code, name, requires_vehicle, position, report_heading) values (?1, ?2, ?3, ?4, ?5)",
                    CATEGORIES[i][0], CATEGORIES[i][1], CATEGORIES[i][2].equals("t"), i, CATEGORIES[i].length > 3 ? CATEGORIES[i][3] : null);
        }
        // 実践地区の取り組み概要 (seed 002): 相談員, 主な生活支援, 有償か, 成果, as the report prints them.
        for (String[] p : PROFILES) {
            exec("""
                    insert into district_profile (area_id, fiscal_year, counselors, main_support, payment, outcomes, updated_by)
                    select id, 2020, ?2, cast(?3 as text), cast(?4 as varchar), ?5, 'demo' from area where code = ?1""",
                    p[0], Integer.parseInt(p[1]), p[2], p[3], p[4]);
        }
        int person = 0;
        List<List<Long>> supportersByDistrict = new ArrayList<>();
        List<List<Long>> recipientsByDistrict = new ArrayList<>();
        for (District d : DISTRICTS) {
            long area = id("select id from area where code = ?1", d.code());
            long group = id("insert into supporter_group (area_id, name, payment) values (?1, ?2, ?3) returning id", area, d.group(), d.payment());
            List<Long> supporters = new ArrayList<>();
            for (int n = 0; n < d.supporters(); n++, person++) {
                long s = id("""
                        insert into supporter (name, kana, contact, area_id, group_id, has_vehicle, capacity, active)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) returning id""",
                        FAMILY[person % 20] + " " + GIVEN[(person / 20 + person) % 20],
                        FAMILY_KANA[person % 20] + " " + GIVEN_KANA[(person / 20 + person) % 20],
                        "090-0000-" + String.format("%04d", person), area, group, person % 4 == 0, 1 + person % 3, d.active());
                exec("insert into supporter_category (supporter_id, category_id) select ?1, id from support_category where code in ('GARBAGE', 'CLEANING', 'SHOPPING_ERRAND', 'OTHER', ?2)",
                        s, new String[] {"SHOPPING_ESCORT", "GARDENING", "REPAIRS", "LIGHT_WORK", "HOSPITAL_ESCORT", "COMPANIONSHIP"}[person % 6]);
                // Afternoons, whole mornings, or from 09:30 (half of a 09:00–10:00 request): the candidate lists then
                // show the availability part doing its work, not one score repeated down the page.
                String[] hours = new String[][] {{"13:00", "17:00"}, {"08:00", "12:00"}, {"09:30", "12:00"}}[person % 3];
                for (int day = 1; day <= 5; day++) {
                    if ((day + person) % 2 == 0 || day == 2) {
                        exec("insert into supporter_availability (supporter_id, day_of_week, start_time, end_time) values (?1, ?2, cast(?3 as time), cast(?4 as time))",
                                s, day, hours[0], hours[1]);
                    }
                }
                supporters.add(s);
            }
            supportersByDistrict.add(supporters);
            List<Long> recipients = new ArrayList<>();
            if (d.active()) {
                for (int n = 0; n < 30; n++, person++) {
                    recipients.add(id("""
                            insert into recipient (name, kana, area_id, contact, household_notes, referred_by, consent)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""",
                            FAMILY[(person + 7) % 20] + " " + GIVEN[(person + 3) % 20], FAMILY_KANA[(person + 7) % 20] + " " + GIVEN_KANA[(person + 3) % 20],
                            area, "093-000-" + String.format("%04d", person), n % 3 == 0 ? "一人暮らし" : "高齢の夫婦世帯",
                            new String[] {"WELFARE_VOLUNTEER", "COMMISSIONED_WELFARE_VOLUNTEER", "CARE_MANAGER", "SELF"}[n % 4], n % 5 != 0));
                }
            }
            recipientsByDistrict.add(recipients);
        }
        // FY2020: 760 requests that were matched and completed (150 of them after a first proposal was declined), 1 referred.
        int k = 0;
        for (int c = 0; c < FY2020_CATEGORIES.length; c++) {
            long category = id("select id from support_category where code = ?1", FY2020_CATEGORIES[c]);
            for (int n = 0; n < FY2020_COUNTS[c]; n++, k++) {
                int district = k % 4;
                long recipient = recipientsByDistrict.get(district).get(k % 30);
                List<Long> supporters = supportersByDistrict.get(district);
                LocalDate day = LocalDate.of(2020, 4, 1).plusDays(k % 365);
                long request = id("""
                        insert into support_request (recipient_id, category_id, requested_date, start_time, end_time, payment, status, received_on)
                        values (?1, ?2, ?3, cast('09:00' as time), cast('10:00' as time), 'EITHER', 'COMPLETED', ?3) returning id""",
                        recipient, category, day);
                if (k < FY2020_DECLINED_FIRST) {
                    exec("insert into assignment (request_id, supporter_id, status, created_on, created_by) values (?1, ?2, 'DECLINED', ?3, 'demo')",
                            request, supporters.get((k + 1) % supporters.size()), day);
                }
                exec("insert into assignment (request_id, supporter_id, status, created_on, created_by) values (?1, ?2, 'COMPLETED', ?3, 'demo')",
                        request, supporters.get(k % supporters.size()), day);
            }
        }
        long window = id("select id from consultation_window order by id limit 1");
        exec("""
                insert into support_request (recipient_id, category_id, requested_date, start_time, end_time, payment, status, referred_window_id, received_on)
                values (?1, (select id from support_category where code = 'COMPANIONSHIP'), date '2020-10-01', cast('10:00' as time), cast('11:00' as time),
                        'EITHER', 'REFERRED', ?2, date '2020-10-01')""", recipientsByDistrict.get(0).get(0), window);
        // The requests loaded above get the story their records tell (V15's request_story_from_records).
        em.createNativeQuery("select request_story_from_records()").getSingleResult();
        return person;
    }

    private void exec(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }

    private long id(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }
}

package jp.tsunagu.supportstats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly figures of 地域生活支援, as the seed reports them. */
@QuarkusTest
class SupportStatsTest {
    @Test
    void fy2020StatisticsReproduceTheSeed() {
        JsonPath stats = Api.as("viewer").get("/api/v1/support-stats?area=40100&fiscalYear=2020").then().statusCode(200).extract().jsonPath();
        assertEquals(761, stats.getInt("consultations"));
        assertEquals(910, stats.getInt("adjustments"));
        Map<String, String> shares = new HashMap<>();
        for (Map<String, Object> s : stats.<Map<String, Object>>getList("categoryShares")) {
            shares.put((String) s.get("category"), s.get("percent").toString());
        }
        assertEquals(Map.of("ゴミ出し", "37.4", "掃除", "1.8", "買い物同行", "1.1", "買い物代行", "25.1",
                "庭木剪定・草取り", "3.4", "家具等の修理", "0.8", "その他", "30.4"), shares);
        // Supporters are counted as registered now, so other tests' supporters join the city's total: the seed's
        // figures are checked in districts that no test registers anyone in.
        for (Object[] district : new Object[][] {{"40106-nuki", "貫", 35, 35}, {"40101-tanoura", "田野浦", 28, 0},
                {"40106-moritsune", "守恒", 322, 0}, {"40105-nishikokura", "西小倉", 54, 0}}) {
            Api.as("viewer").get("/api/v1/support-stats?area=" + district[0] + "&fiscalYear=2020").then().statusCode(200)
                    .body("area.name", equalTo(district[1]))
                    .body("supportersRegistered", equalTo(district[2]))
                    .body("supportersActive", equalTo(district[3]));
        }
        Api.as("viewer").get("/api/v1/support-stats?area=40106&fiscalYear=2019").then().statusCode(200).body("consultations", equalTo(0));
    }
}

package jp.tsunagu.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaKind;
import jp.tsunagu.area.AreaRepository;
import jp.tsunagu.auth.Account;
import jp.tsunagu.auth.AccountRepository;
import jp.tsunagu.auth.AuthService;
import jp.tsunagu.shared.security.Role;
import jp.tsunagu.directory.ConsultationWindow;
import jp.tsunagu.directory.ConsultationWindowRepository;
import jp.tsunagu.directory.WindowCategory;
import jp.tsunagu.directory.WindowContact;
import jp.tsunagu.evaluation.EvaluationFixtures;
import jp.tsunagu.indicator.IndicatorFixtures;
import jp.tsunagu.plan.PlanFixtures;
import jp.tsunagu.survey.SurveyDemo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the demo data from the product's own copies of the seed documents (resources under
 * {@code demo/}). Only in the dev and demo profiles (and the tests). Idempotent: records are found
 * by their natural keys, so a second start adds nothing; an advisory lock keeps two replicas
 * starting at once from racing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final long LOCK_KEY = 0x7473756e61677531L;

    private static final Map<String, WindowCategory> CATEGORY_HEADINGS = Map.of(
            "【高齢者】", WindowCategory.ELDERLY,
            "【障害者】", WindowCategory.DISABILITY,
            "【子ども】", WindowCategory.CHILD,
            "【生活困窮者】", WindowCategory.LIVING_HARDSHIP);

    /** A demo login: user name, display name, roles, districts (area codes). */
    record DemoAccount(String username, String displayName, Set<Role> roles, List<String> districts) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "システム管理者（デモ）", EnumSet.of(Role.ADMIN), List.of()),
            new DemoAccount("planner", "計画担当（デモ）", EnumSet.of(Role.PLANNER), List.of()),
            new DemoAccount("approver", "承認者（デモ）", EnumSet.of(Role.APPROVER), List.of()),
            new DemoAccount("coordinator", "地域生活支援相談員（デモ）", EnumSet.of(Role.COORDINATOR), List.of("40102-takasu", "40101-shoji")),
            new DemoAccount("coordinator2", "地域生活支援相談員2（デモ）", EnumSet.of(Role.COORDINATOR), List.of("40106-wakazono")),
            new DemoAccount("viewer", "閲覧者（デモ）", EnumSet.of(Role.VIEWER), List.of()));

    private final boolean enabled;
    private final String password;
    private final EntityManager em;
    private final AreaRepository areas;
    private final AccountRepository accounts;
    private final ConsultationWindowRepository windows;
    private final PlanFixtures planFixtures;
    private final IndicatorFixtures indicatorFixtures;
    private final EvaluationFixtures evaluationFixtures;
    private final SupportDemo matchingDemo;
    private final SurveyDemo surveyDemo;
    private final ObjectMapper mapper;

    /** The welfare plans of the seed documents, in the product's own copies. */
    static final List<String> PLAN_FILES = List.of("kumamoto-5th", "kurume", "kitakyushu-ikiiki2", "kaigo-9th", "kitakyushu-seikatsu");

    DemoData(@ConfigProperty(name = "tsunagu.demo.enabled") boolean enabled,
             @ConfigProperty(name = "tsunagu.demo.password") String password,
             EntityManager em, AreaRepository areas, AccountRepository accounts, ConsultationWindowRepository windows,
             PlanFixtures planFixtures, IndicatorFixtures indicatorFixtures, EvaluationFixtures evaluationFixtures,
             SupportDemo matchingDemo, SurveyDemo surveyDemo, ObjectMapper mapper) {
        this.matchingDemo = matchingDemo;
        this.surveyDemo = surveyDemo;
        this.evaluationFixtures = evaluationFixtures;
        this.planFixtures = planFixtures;
        this.indicatorFixtures = indicatorFixtures;
        this.mapper = mapper;
        this.enabled = enabled;
        this.password = password;
        this.em = em;
        this.areas = areas;
        this.accounts = accounts;
        this.windows = windows;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    /** One transaction (all or nothing, replicas wait on the lock); generous, since a loaded machine can take minutes. */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 900)
    void load() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        int newAreas = loadAreas();
        int newAccounts = loadAccounts();
        int newWindows = loadDirectory();
        int newPlans = loadPlans();
        int newPeople = matchingDemo.load();
        matchingDemo.linkIndicators();
        indicatorFixtures.linkDemoDefinitions();
        int newSurveys = surveyDemo.load();
        LOG.infof("Demo data: %d areas, %d accounts, %d consultation windows, %d plans, %d supporters and recipients, %d surveys added",
                newAreas, newAccounts, newWindows, newPlans, newPeople, newSurveys);
    }

    private int loadAreas() {
        int added = 0;
        for (String[] row : rows("demo/areas.tsv")) {
            if (row[0].equals("code") || areas.findByCode(row[0]).isPresent()) {
                continue;
            }
            Area area = new Area();
            area.code = row[0];
            area.name = row[1];
            area.kana = row[2];
            area.kind = AreaKind.valueOf(row[3]);
            area.parent = row.length > 4 && !row[4].isBlank() ? areas.findByCode(row[4]).orElseThrow() : null;
            areas.persist(area);
            added++;
        }
        areas.flush();
        return added;
    }

    private int loadAccounts() {
        int added = 0;
        for (DemoAccount demo : ACCOUNTS) {
            if (accounts.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            Account account = new Account();
            account.username = demo.username();
            account.displayName = demo.displayName();
            account.passwordHash = AuthService.hashPassword(password);
            account.roles = EnumSet.copyOf(demo.roles());
            demo.districts().forEach(code -> account.districts.add(areas.findByCode(code).orElseThrow()));
            accounts.persist(account);
            added++;
        }
        return added;
    }

    /** The 相談先一覧 of くるめ支え合うプラン, row by row; 市内全域 means the city itself. */
    private int loadDirectory() {
        Area city = areas.findByCode("40203").orElseThrow();
        WindowCategory category = null;
        List<ConsultationWindow> parsed = new ArrayList<>();
        for (String[] row : rows("demo/kurume-directory.tsv")) {
            if (row.length == 1 && CATEGORY_HEADINGS.containsKey(row[0].strip())) {
                category = CATEGORY_HEADINGS.get(row[0].strip());
                continue;
            }
            WindowContact line = new WindowContact();
            line.phone = row[1].strip();
            line.fax = row[2].strip();
            for (String district : row[3].split("、")) {
                String name = district.strip();
                line.areas.add(name.equals("市内全域") ? city : areas.find("name = ?1 and parent = ?2", name, city)
                        .firstResultOptional().orElseThrow(() -> new IllegalStateException("Unknown 校区 " + name)));
            }
            if (row[0].isBlank()) {
                ConsultationWindow previous = parsed.get(parsed.size() - 1);
                line.window = previous;
                line.position = previous.contacts.size();
                previous.contacts.add(line);
            } else {
                ConsultationWindow window = new ConsultationWindow();
                window.name = row[0].strip();
                window.category = category;
                line.window = window;
                line.position = 0;
                window.contacts.add(line);
                parsed.add(window);
            }
        }
        int added = 0;
        for (ConsultationWindow window : parsed) {
            if (windows.findByCategoryAndName(window.category, window.name).isEmpty()) {
                windows.persist(window);
                added++;
            }
        }
        return added;
    }

    private int loadPlans() {
        int added = 0;
        for (String file : PLAN_FILES) {
            try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream("demo/plans/" + file + ".json")) {
                JsonNode plan = mapper.readTree(in);
                String code = plan.get("key").asText();
                if (planFixtures.exists(code)) {
                    continue;
                }
                planFixtures.createPlan(plan);
                for (JsonNode node : plan.path("nodes")) {
                    loadNode(code, null, node);
                }
                planFixtures.createFindings(plan);
                added++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return added;
    }

    private void loadNode(String planCode, String parentCode, JsonNode node) {
        planFixtures.createNode(planCode, parentCode, node);
        String code = node.get("code").asText();
        for (JsonNode indicator : node.path("indicators")) {
            indicatorFixtures.createIndicator(planCode, code, indicator);
        }
        if (node.has("evaluation2022")) {
            evaluationFixtures.create(planCode, code, 2022, node.get("evaluation2022"));
        }
        for (JsonNode child : node.path("children")) {
            loadNode(planCode, code, child);
        }
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}

package jp.tsunagu.plan;

import com.fasterxml.jackson.databind.JsonNode;

import static jp.tsunagu.shared.JsonFields.text;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Creates plans and nodes from the demo fixture format (resources under {@code demo/plans/}). */
@ApplicationScoped
public class PlanFixtures {

    private final PlanService service;
    private final PlanRepository plans;
    private final PlanFindingService findings;

    PlanFixtures(PlanService service, PlanRepository plans, PlanFindingService findings) {
        this.service = service;
        this.plans = plans;
        this.findings = findings;
    }

    /** 課題・困りごと as the plan prints them ({@code "findings": [{"node", "kind", "title", "text", "examples", "sources"}]}). */
    public void createFindings(JsonNode p) {
        for (JsonNode f : p.path("findings")) {
            List<String> examples = new ArrayList<>();
            f.path("examples").forEach(e -> examples.add(e.asText()));
            List<FindingSource> sources = new ArrayList<>();
            f.path("sources").forEach(s -> sources.add(FindingSource.valueOf(s.asText())));
            findings.create(p.get("key").asText(), new FindingRequest(text(f, "node"), FindingKind.valueOf(f.get("kind").asText()),
                    f.get("title").asText(), text(f, "text"), examples, sources, null), "demo");
        }
    }

    public boolean exists(String code) {
        return plans.findByCode(code).isPresent();
    }

    public void createPlan(JsonNode p) {
        List<String> levels = new ArrayList<>();
        p.path("levels").forEach(l -> levels.add(l.asText()));
        List<PlanActorDto> actors = new ArrayList<>();
        p.path("actors").forEach(a -> actors.add(new PlanActorDto(a.get("key").asText(), a.get("name").asText())));
        service.create(new CreatePlanRequest(p.get("key").asText(), p.get("city").asText(), PlanKind.valueOf(p.get("kind").asText()),
                p.get("title").asText(), p.get("periodStart").asInt(), p.get("periodEnd").asInt(), text(p, "vision"),
                PlanStatus.ACTIVE, levels, actors,
                new GradeThresholds(BigDecimal.valueOf(100), BigDecimal.valueOf(80), BigDecimal.valueOf(50)), List.of(), legend(p), contacts(p)));
    }

    public void createNode(String planCode, String parentCode, JsonNode n) {
        List<RoleDto> roles = new ArrayList<>();
        // A role is written by its symbol as printed, or by its kind (LEAD / PARTNER) where the source prints none.
        n.path("roles").forEach(r -> roles.add(new RoleDto(r.get("actor").asText(), text(r, "symbol"),
                r.hasNonNull("role") ? ActorRoleKind.valueOf(r.get("role").asText()) : null, text(r, "statement"))));
        service.createNode(planCode, new CreateNodeRequest(n.get("code").asText(), n.get("title").asText(), text(n, "summary"),
                text(n, "activityUnit"), parentCode, null, roles, text(n, "mainTarget"), legend(n)));
    }

    /** The legend printed with a plan or a section ({@code "legend": [{"symbol", "meaning", "role"}]}), or null. */
    private static List<RoleLegendEntry> legend(JsonNode n) {
        if (!n.has("legend")) {
            return null;
        }
        List<RoleLegendEntry> legend = new ArrayList<>();
        n.get("legend").forEach(e -> legend.add(new RoleLegendEntry(e.get("symbol").asText(), e.get("meaning").asText(),
                ActorRoleKind.valueOf(e.get("role").asText()))));
        return legend;
    }

    /** 問い合わせ先 ({@code "contacts": [{"department", "phone", "fax"}]}), or null. */
    private static List<PlanContactDto> contacts(JsonNode p) {
        if (!p.has("contacts")) {
            return null;
        }
        List<PlanContactDto> contacts = new ArrayList<>();
        p.get("contacts").forEach(c -> contacts.add(new PlanContactDto(c.get("department").asText(), text(c, "phone"), text(c, "fax"))));
        return contacts;
    }
}

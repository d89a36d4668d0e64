package jp.tsunagu.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRef;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The consultation directory (相談先一覧) and its routing: (area, category) → the windows serving it. */
@ApplicationScoped
public class DirectoryService {

    private final ConsultationWindowRepository windows;
    private final AreaService areaService;

    DirectoryService(ConsultationWindowRepository windows, AreaService areaService) {
        this.windows = windows;
        this.areaService = areaService;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ConsultationWindowList list(WindowCategory category, String text) {
        return new ConsultationWindowList(windows.search(category, text).stream().map(ConsultationWindowResponse::of).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ConsultationWindowResponse get(long id) {
        return ConsultationWindowResponse.of(require(id));
    }

    @Transactional
    public ConsultationWindowResponse create(ConsultationWindowRequest request) {
        if (windows.findByCategoryAndName(request.category(), request.name().strip()).isPresent()) {
            throw ProblemException.conflict("window-exists", "同じ種類の窓口「" + request.name().strip() + "」がすでにあります。");
        }
        ConsultationWindow window = new ConsultationWindow();
        apply(window, request);
        windows.persist(window);
        return ConsultationWindowResponse.of(window);
    }

    @Transactional
    ConsultationWindowResponse update(long id, ConsultationWindowRequest request) {
        if (request.version() == null) {
            throw ProblemException.invalid("version", "更新するときは読み込んだときの version が必要です");
        }
        ConsultationWindow window = require(id);
        Versions.check(request.version(), window.version, "相談窓口「" + window.name + "」");
        windows.findByCategoryAndName(request.category(), request.name().strip())
                .filter(other -> !other.id.equals(window.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("window-exists", "同じ種類の窓口「" + other.name + "」がすでにあります。");
                });
        apply(window, request);
        windows.flush();
        return ConsultationWindowResponse.of(window);
    }

    @Transactional
    void delete(long id) {
        windows.delete(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    RouteResponse route(String areaKey, WindowCategory category) {
        Area area = areaService.resolve(areaKey);
        List<Area> chain = area.selfAndAncestors();
        Map<Long, RoutedWindow> best = new LinkedHashMap<>();
        Map<Long, Integer> rank = new LinkedHashMap<>();
        for (WindowContact contact : windows.contactsServing(category, chain)) {
            for (int i = 0; i < chain.size(); i++) {
                Area served = chain.get(i);
                if (contact.areas.contains(served)) {
                    Long windowId = contact.window.id;
                    if (!rank.containsKey(windowId) || rank.get(windowId) > i) {
                        rank.put(windowId, i);
                        ConsultationWindow w = contact.window;
                        best.put(windowId, new RoutedWindow(w.id, w.name, w.category, contact.phone, contact.fax,
                                w.address, AreaRef.of(served)));
                    }
                    break;
                }
            }
        }
        List<RoutedWindow> routed = new ArrayList<>(best.values());
        routed.sort(Comparator.<RoutedWindow>comparingInt(r -> rank.get(r.id())).thenComparing(RoutedWindow::name));
        return new RouteResponse(AreaRef.of(area), category, routed);
    }

    /** The most specific window serving the area for the category, if any (for referrals). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConsultationWindow> routeWindow(String areaCode, WindowCategory category) {
        return route(areaCode, category).windows().stream().findFirst().map(w -> require(w.id()));
    }

    private ConsultationWindow require(long id) {
        return windows.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("window-not-found", "相談窓口 " + id + " はありません。"));
    }

    private void apply(ConsultationWindow window, ConsultationWindowRequest request) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        List<WindowContact> lines = new ArrayList<>();
        for (int i = 0; i < request.contacts().size(); i++) {
            ContactLineRequest line = request.contacts().get(i);
            WindowContact contact = new WindowContact();
            contact.phone = line.phone().strip();
            contact.fax = Strings.strippedOrNull(line.fax());
            for (String code : line.areaCodes()) {
                Optional<Area> area = areaService.find(code.strip());
                if (area.isEmpty()) {
                    unknown.add(new Problem.FieldError("contacts[" + i + "].areaCodes", "地域コード " + code + " は見つかりません"));
                } else {
                    contact.areas.add(area.get());
                }
            }
            lines.add(contact);
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-area", "処理できない内容です",
                    String.join("; ", unknown.stream().map(Problem.FieldError::message).toList()), unknown);
        }
        window.name = request.name().strip();
        window.category = request.category();
        window.address = Strings.strippedOrNull(request.address());
        if (window.id != null) {
            // Old lines go first: the new ones reuse their positions.
            window.contacts.clear();
            windows.flush();
        }
        window.replaceContacts(lines);
        window.updatedAt = java.time.OffsetDateTime.now();
    }
}

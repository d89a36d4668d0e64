package jp.tsunagu.matching;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jp.tsunagu.area.Area;
import jp.tsunagu.area.AreaRepository;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.auth.Role;

import java.util.HashSet;
import java.util.Set;

/** Works out the caller's {@link Access} once per request. */
@RequestScoped
class AccessResolver {

    private final Caller caller;
    private final AreaRepository areas;
    private final HttpServerRequest request;
    private Access access;

    AccessResolver(Caller caller, AreaRepository areas, HttpServerRequest request) {
        this.caller = caller;
        this.areas = areas;
        this.request = request;
    }

    Access get() {
        if (access == null) {
            String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            if (caller.roles().contains(Role.ADMIN_ROLE)) {
                access = new Access(caller.name(), ip, null);
            } else {
                Set<Long> ids = new HashSet<>();
                for (String code : caller.districts()) {
                    areas.findByCode(code).ifPresent(district -> {
                        ids.add(district.id);
                        areas.descendants(district).forEach(a -> ids.add(a.id));
                    });
                }
                access = new Access(caller.name(), ip, ids);
            }
        }
        return access;
    }

    static boolean isDistrict(Area a) {
        return a.kind == jp.tsunagu.area.AreaKind.SCHOOL_DISTRICT;
    }
}

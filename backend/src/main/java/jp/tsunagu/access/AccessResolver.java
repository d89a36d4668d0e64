package jp.tsunagu.access;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.auth.Caller;
import jp.tsunagu.shared.security.Role;

import java.util.HashSet;
import java.util.Set;

/** Works out the caller's {@link Access} once per request. */
@RequestScoped
public class AccessResolver {

    private final Caller caller;
    private final AreaService areas;
    private final HttpServerRequest request;
    private Access access;

    AccessResolver(Caller caller, AreaService areas, HttpServerRequest request) {
        this.caller = caller;
        this.areas = areas;
        this.request = request;
    }

    /** The caller's address (behind the SPA's proxy, the one it forwarded from a trusted proxy). */
    public String ip() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    public Access get() {
        if (access == null) {
            String ip = ip();
            if (caller.roles().contains(Role.ADMIN_ROLE)) {
                access = new Access(caller.name(), ip, null);
            } else {
                Set<Long> ids = new HashSet<>();
                for (String code : caller.districts()) {
                    areas.find(code).ifPresent(district -> ids.addAll(areas.subtreeIds(district)));
                }
                access = new Access(caller.name(), ip, ids);
            }
        }
        return access;
    }
}

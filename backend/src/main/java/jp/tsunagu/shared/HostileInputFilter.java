package jp.tsunagu.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path and query parameters holding NUL, control characters, half a character or the remains of broken UTF-8
 * are refused with 400 naming the parameter, before any resource (and the database) sees them.
 */
public class HostileInputFilter {

    @ServerRequestFilter
    public Optional<Response> refuseHostileParameters(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        Optional<Response> path = check(uri.getPathParameters(true), "path", uri);
        return path.isPresent() ? path : check(uri.getQueryParameters(true), "query", uri);
    }

    private static Optional<Response> check(MultivaluedMap<String, String> parameters, String where, jakarta.ws.rs.core.UriInfo uri) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            Optional<String> nameProblem = HostileText.inParameter(p.getKey());
            if (nameProblem.isPresent()) {
                return Optional.of(refuse(where, nameProblem.get(), uri));
            }
            for (String value : p.getValue()) {
                Optional<String> problem = HostileText.inParameter(value);
                if (problem.isPresent()) {
                    return Optional.of(refuse(p.getKey(), problem.get(), uri));
                }
            }
        }
        return Optional.empty();
    }

    private static Response refuse(String name, String message, jakarta.ws.rs.core.UriInfo uri) {
        return Problems.response(Problems.invalid(name, message, ProblemMappers.path(uri)));
    }
}

package bench;

import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/** The one endpoint: a query through Panache, a validated parameter, JSON out. Ready = /q/health/ready. */
@Path("/notes")
public class Notes {

    @GET
    public List<Note> notes(@QueryParam("limit") @Min(1) Integer limit) {
        return Note.findAll().page(0, limit == null ? 10 : limit).list();
    }
}

package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint: ready when it answers. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "ok";
    }
}

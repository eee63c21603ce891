package vn.gems.common.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** {@code GET /api/me}: who the service thinks the caller is. Proves the token and its agency claim arrive. */
@Path("/api/me")
@Tag(name = "Identity", description = "Who the service takes the caller to be: user or client, agency, roles")
@Authenticated
public class MeResource {

    /** The caller as this service sees it. */
    public record Me(String service, String subject, String username, String clientId, String agency, Set<String> roles) {
    }

    private final Caller caller;
    private final String service;

    public MeResource(Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.caller = caller;
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's identity, agency and roles as read from the access token")
    public Me me() {
        return new Me(service, caller.subject(), caller.username(), caller.clientId().orElse(null),
                caller.agency().orElse(null), caller.roles());
    }
}

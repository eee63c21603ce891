package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.ArrayList;
import java.util.List;

/**
 * Security on every operation. SmallRye adds the bearer requirement to every operation a role or
 * {@code @Authenticated} guards; what it leaves without one is anonymous, and is declared so with
 * {@code security: []} (a generated client then sends no token, a linter sees the choice was made).
 * Anonymous operations live under {@code /api/public/} and, for statistics tools, the SDMX REST API under
 * {@code /sdmx/} (issue 16): one anywhere else is a missing annotation rather than a public route, and fails the build.
 */
final class PublicOperations {

    static final String PUBLIC_PREFIX = "/api/public/";
    static final String SDMX_PREFIX = "/sdmx/";

    private PublicOperations() {
    }

    static void apply(OpenAPI openApi) {
        List<String> unguarded = new ArrayList<>();
        Operations.forEach(openApi, (path, method, op) -> {
            if (op.getSecurity() == null) {
                if (path.startsWith(PUBLIC_PREFIX) || path.startsWith(SDMX_PREFIX)) {
                    op.setSecurity(new ArrayList<>());
                } else {
                    unguarded.add(method + " " + path);
                }
            }
        });
        if (!unguarded.isEmpty()) {
            throw new IllegalStateException("OpenAPI operations outside " + PUBLIC_PREFIX + " and " + SDMX_PREFIX
                    + " carry no security requirement (missing @Authenticated or @RolesAllowed?): " + unguarded);
        }
    }
}

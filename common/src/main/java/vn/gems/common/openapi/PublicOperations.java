package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.ArrayList;
import java.util.List;

/**
 * Security on every operation. SmallRye adds the bearer requirement to every operation a role or
 * {@code @Authenticated} guards; what it leaves without one is anonymous, and is declared so with
 * {@code security: []} (a generated client then sends no token, a linter sees the choice was made).
 * Anonymous operations live under {@code /api/public/} and, for SDMX clients, which send no token, under
 * {@code /sdmx/} (published data only, like the public routes): one anywhere else is a missing annotation rather
 * than a public route, and fails the build.
 */
final class PublicOperations {

    static final List<String> PUBLIC_PREFIXES = List.of("/api/public/", "/sdmx/");

    private PublicOperations() {
    }

    static void apply(OpenAPI openApi) {
        List<String> unguarded = new ArrayList<>();
        Operations.forEach(openApi, (path, method, op) -> {
            if (op.getSecurity() == null) {
                if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
                    op.setSecurity(new ArrayList<>());
                } else {
                    unguarded.add(method + " " + path);
                }
            }
        });
        if (!unguarded.isEmpty()) {
            throw new IllegalStateException("OpenAPI operations outside " + PUBLIC_PREFIXES
                    + " carry no security requirement (missing @Authenticated or @RolesAllowed?): " + unguarded);
        }
    }
}

package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/** Every operation of a document with its path and method, for the contract's rules. */
final class Operations {

    @FunctionalInterface
    interface Visitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    private Operations() {
    }

    static void forEach(OpenAPI openApi, Visitor visitor) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, op) -> visitor.visit(path, method, op)));
    }
}

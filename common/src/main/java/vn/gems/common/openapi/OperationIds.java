package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names every operation for what it does, so that generated clients read {@code issuePlan} rather than
 * {@code apiPlansIdIssuePost}. SmallRye is configured to name operations {@code Class_method}
 * ({@code quarkus.smallrye-openapi.operation-id-strategy=CLASS_METHOD}, set for every service in common's
 * {@code META-INF/microprofile-config.properties}); this turns that into a camelCase verb phrase:
 * {@code PlanResource_issue} → {@code issuePlan}, {@code UnitResource_children} → {@code getUnitChildren},
 * {@code PlanResource_list} → {@code listPlans}. An explicit {@code @Operation(operationId = "…")} has no
 * underscore and is kept as written: that is how a resource overrides a poor derived name.
 * Ids must be unique within a document: a clash fails the build (the filter runs when the service is built).
 */
public final class OperationIds {

    /** First words that already say what the operation does; anything else gets the HTTP method's verb. */
    private static final Set<String> VERBS = Set.of("get", "list", "find", "search", "read", "create", "add", "update",
            "replace", "upsert", "put", "delete", "remove", "withdraw", "issue", "amend", "close", "submit", "accept",
            "return", "reject", "publish", "unpublish", "export", "import", "apply", "push", "validate", "diff",
            "extend", "grant", "requeue", "regenerate", "consolidate", "prefill", "download", "upload", "save", "assign",
            "retire", "cancel", "approve", "record", "check", "compare", "preview", "remind", "deliver", "hand", "run",
            "copy", "start", "stop", "mark", "set", "send", "attach", "request", "take", "release", "restore", "refresh",
            "answer", "comment", "resubmit", "reopen", "open", "lock", "unlock", "explain", "receive", "notify", "count");

    private OperationIds() {
    }

    /**
     * The derived name of an operation SmallRye named {@code Class_method}; any other name (an explicit
     * {@code operationId}) is returned unchanged.
     */
    public static String derive(String generated, String httpMethod) {
        int cut = generated.lastIndexOf('_');
        if (cut < 0) {
            return generated;
        }
        String noun = noun(generated.substring(0, cut));
        String method = generated.substring(cut + 1);
        List<String> words = words(method);
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        String rest = String.join("", words.subList(1, words.size()));
        if (method.toLowerCase(Locale.ROOT).contains(noun.toLowerCase(Locale.ROOT))) {
            // already names its subject: PlanResource_planEvents, MeResource_me
            return VERBS.contains(first) ? method : verbOf(httpMethod) + capitalise(method);
        }
        if (rest.isEmpty() && (first.equals("list") || first.equals("search") || first.equals("find"))) {
            return first + plural(noun); // listPlans, searchPublicPlans
        }
        if (VERBS.contains(first)) {
            return first + noun + rest;
        }
        return verbOf(httpMethod) + noun + capitalise(method);
    }

    /** Renames every operation of the document and fails on two operations with one id. */
    static void apply(OpenAPI openApi) {
        Map<String, String> seen = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        Operations.forEach(openApi, (path, method, op) -> {
            String where = method + " " + path;
            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                throw new IllegalStateException("OpenAPI operation " + where + " has no operationId: is "
                        + "quarkus.smallrye-openapi.operation-id-strategy set to CLASS_METHOD?");
            }
            String id = derive(op.getOperationId(), method.name());
            op.setOperationId(id);
            String other = seen.putIfAbsent(id, where);
            if (other != null) {
                clashes.add(id + " (" + other + " and " + where + ")");
            }
        });
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("OpenAPI operationIds must be unique; name one of each pair with "
                    + "@Operation(operationId = \"…\"): " + clashes);
        }
    }

    private static String noun(String className) {
        String n = className.endsWith("Resource") ? className.substring(0, className.length() - "Resource".length()) : className;
        return n.isEmpty() ? className : n;
    }

    private static String verbOf(String httpMethod) {
        return switch (PathItem.HttpMethod.valueOf(httpMethod)) {
            case POST -> "create";
            case PUT -> "replace";
            case DELETE -> "delete";
            case PATCH -> "update";
            default -> "get";
        };
    }

    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    private static List<String> words(String camel) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < camel.length(); i++) {
            if (Character.isUpperCase(camel.charAt(i))) {
                words.add(camel.substring(start, i));
                start = i;
            }
        }
        words.add(camel.substring(start));
        return words;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package vn.gems.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The operations the three services publish in their OpenAPI documents (read through the gateway). */
final class ApiOperations {

    /** One operation: method, path template, its parameters and the media types its body accepts. */
    record Operation(String service, String method, String path, List<String> pathParams, List<String> queryParams,
                     List<String> bodyTypes) {
        boolean isPublic() {
            return path.startsWith("/api/public/");
        }
    }

    static final List<String> SERVICES = List.of("plans", "indicators", "reporting");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiOperations() {
    }

    static JsonNode document(String service) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(E2eSuite.gateway() + "/openapi/" + service + "?format=json"))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("no OpenAPI document for " + service + ": " + res.statusCode());
        }
        return JSON.readTree(res.body());
    }

    static List<Operation> all() throws Exception {
        List<Operation> ops = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode doc = document(service);
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = methods.next();
                    if (!List.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                        continue;
                    }
                    List<String> pathParams = new ArrayList<>();
                    List<String> queryParams = new ArrayList<>();
                    for (JsonNode param : m.getValue().path("parameters")) {
                        JsonNode resolved = param.has("$ref") ? resolve(doc, param.get("$ref").asText()) : param;
                        String in = resolved.path("in").asText();
                        if ("path".equals(in)) {
                            pathParams.add(resolved.path("name").asText());
                        } else if ("query".equals(in)) {
                            queryParams.add(resolved.path("name").asText());
                        }
                    }
                    List<String> bodyTypes = new ArrayList<>();
                    m.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(bodyTypes::add);
                    ops.add(new Operation(service, m.getKey().toUpperCase(), p.getKey(), pathParams, queryParams, bodyTypes));
                }
            }
        }
        return ops;
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode n = doc;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            n = n.path(part);
        }
        return n;
    }
}

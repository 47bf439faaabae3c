package org.portal.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The operations of the public API document the running gateway serves, and the service owning each path. */
final class ApiOperations {

    private static final List<String> SERVICES = List.of("licensing-service", "portal-users-service", "sections-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: its path template, its id and the media type of its body (null without one). */
    record Operation(String method, String path, String id, String contentType) {
        boolean onCaseRecord() {
            return path.startsWith("/api/sections/{code}/records/{id}") || path.startsWith("/api/sections/cases/records/{id}");
        }
    }

    private ApiOperations() {
    }

    /** Every operation of the document, in its order. */
    static List<Operation> all() throws IOException {
        JsonNode document = fetch(RunningSystem.GATEWAY + "/q/openapi?format=json");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    JsonNode content = operation.path("requestBody").path("content");
                    String type = content.has("application/json") ? "application/json"
                            : content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                    operations.add(
                            new Operation(method.toUpperCase(), path.getKey(), operation.get("operationId").asText(), type));
                }
            }
        }
        return operations;
    }

    /** Path template → address of the service that serves it, from the services' own documents. */
    static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String base = RunningSystem.service(service);
            fetch(base + "/q/openapi?format=json").get("paths").fieldNames().forEachRemaining(path -> owners.put(path, base));
        }
        return owners;
    }

    private static JsonNode fetch(String url) throws IOException {
        return JSON.readTree(given().get(url).then().statusCode(200).extract().asString());
    }
}

package org.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.portal.client.ApiClient;
import org.portal.client.ApiException;
import org.portal.client.api.KnowledgeBaseApi;
import org.portal.client.api.MeApi;
import org.portal.client.api.RecordsApi;
import org.portal.client.model.MeView;
import org.portal.client.model.RecordInput;
import org.portal.client.model.RecordView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * A partner's client, generated at build time from the API document snapshot, used against the
 * running system; and the snapshot checked against the document the gateway serves, so a changed
 * API cannot leave generated clients behind unnoticed.
 */
class GeneratedClientIT {

    private static ApiClient clientFor(String username) {
        String token = RunningSystem.token(username);
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningSystem.GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void theSnapshotIsTheDocumentTheGatewayServes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(RestAssured.get(RunningSystem.GATEWAY + "/q/openapi").asString());
        JsonNode snapshot = json.readTree(Files.readString(Path.of("src/test/openapi/portal-api.json")));
        assertEquals(new TreeSet<>(names(snapshot.get("paths"))), new TreeSet<>(names(served.get("paths"))),
                "The public API changed: run deploy/local/export-openapi.sh and commit the new snapshot");
        assertEquals(snapshot.get("paths"), served.get("paths"),
                "The public API changed: run deploy/local/export-openapi.sh and commit the new snapshot");
        assertEquals(snapshot.path("components").path("schemas"), served.path("components").path("schemas"),
                "The API's schemas changed: run deploy/local/export-openapi.sh and commit the new snapshot");
    }

    /** Generated clients name their methods after operation ids: every operation has one, and no two share it. */
    @Test
    void everyOperationHasItsOwnId() throws Exception {
        JsonNode served = new ObjectMapper().readTree(RestAssured.get(RunningSystem.GATEWAY + "/q/openapi").asString());
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.List<String> without = new java.util.ArrayList<>();
        served.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode id = operation.getValue().get("operationId");
            if (id == null) {
                without.add(operation.getKey().toUpperCase() + " " + path.getKey());
            } else {
                ids.add(id.asText());
            }
        }));
        assertEquals(java.util.List.of(), without, "operations without an operationId");
        assertEquals(ids.size(), new TreeSet<>(ids).size(), "operation ids used twice: " + ids);
    }

    @Test
    void aGeneratedClientReadsMeAndTheKnowledgeBase() throws ApiException {
        ApiClient client = clientFor("customer-acme");
        MeView me = new MeApi(client).getMe();
        assertEquals("customer", me.getEdition());
        assertEquals("Acme", me.getAccount().getName());
        assertTrue(new KnowledgeBaseApi(client).listArticles(20, 0).getItems().stream()
                .anyMatch(article -> "Opening a support case".equals(article.getTitle())));
    }

    @Test
    void aGeneratedClientCreatesACaseAndSeesProblemsAsExceptions() throws ApiException {
        RecordsApi records = new RecordsApi(clientFor("ssp-acme"));
        RecordView created = records.createRecord("cases",
                new RecordInput().values(Map.of("subject", "Created by a generated client")), null);
        assertEquals(created.getId(), records.getRecord("cases", created.getId()).getId());
        ApiException refused = assertThrows(ApiException.class, () -> records.listRecords("leads", null, null,
                null, null, null, null));
        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseBody().contains("section-not-granted"));
    }

    private static java.util.List<String> names(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

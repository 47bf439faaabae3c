package org.portal.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small client of the portal's public API and of the OIDC provider's token endpoint. */
public final class PortalApi {

    public static final String DEMO_PASSWORD = "demo-password";
    /** Sending a request up to this many times while the portal answers 503: about ten seconds in all. */
    private static final int ATTEMPTS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final URI tokenEndpoint;

    public PortalApi(URI gateway, URI realm) {
        this.gateway = gateway;
        this.tokenEndpoint = URI.create(realm + "/protocol/openid-connect/token");
    }

    /** An access token for a demo user, through the development client's password grant. */
    public String token(String username) {
        String form = "grant_type=password&client_id=portal-dev&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return expect(send(request), 200, "token for " + username).get("access_token").asText();
    }

    public JsonNode post(String token, String path, Object body, int expectedStatus) {
        try {
            return postRaw(token, path, "application/json", JSON.writeValueAsString(body), expectedStatus);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode postRaw(String token, String path, String contentType, String body, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return expect(send(request), expectedStatus, "POST " + path);
    }

    /** A file as a multipart form's {@code file} field, as a browser sends it. */
    public JsonNode upload(String token, String path, String fileName, String contentType, String text, int expectedStatus) {
        String boundary = "demo-" + java.util.UUID.randomUUID();
        String form = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return postRaw(token, path, "multipart/form-data; boundary=" + boundary, form, expectedStatus);
    }

    /**
     * The answer to a request, sent again after a pause while it is a 503: the portal answers so when a
     * service it needs did not answer in time (one still warming up on a busy machine, say), with nothing
     * changed, so that sending the same request again is safe.
     */
    private HttpResponse<String> send(HttpRequest request) {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = sendOnce(request);
            if (response.statusCode() != 503 || attempt == ATTEMPTS) {
                return response;
            }
            System.out.printf("  seed: %s %s answered 503, trying again in %d s%n", request.method(), request.uri().getPath(),
                    attempt);
            pause(Duration.ofSeconds(attempt));
        }
    }

    private HttpResponse<String> sendOnce(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + ": the answer is not JSON: " + response.body(), e);
        }
    }
}

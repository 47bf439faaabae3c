package org.portal.gateway.openapi;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portal.gateway.routing.RouteTable;
import org.portal.gateway.routing.ServiceProxy;
import org.portal.gateway.routing.Target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * One OpenAPI document for the whole public API at {@code /q/openapi}: the gateway's own paths and
 * every service's {@code /api} paths (never {@code /internal}), with one security scheme, the problem
 * body on every error, 429 and 500 on every operation, and the RateLimit headers on every 2xx and 4xx
 * answer (the daily quota's on counted paths, the burst limit's elsewhere). Schemas that two services
 * name alike but define differently are kept apart by a service prefix. Built on demand and held for a
 * minute; a service that does not answer is left out of that build and retried next time.
 */
@ApplicationScoped
public class ApiDocument {

    static final String SCHEMAS = "#/components/schemas/";
    static final String PROBLEM = SCHEMAS + "Problem";
    private static final Duration HOLD = Duration.ofMinutes(1);

    private final ObjectMapper json;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private final Map<String, Target> services = new LinkedHashMap<>();
    private final ServiceProxy proxy;
    private final OpenApiDocumentService own;
    private final String oidcServer;
    private final String version;
    private volatile ObjectNode held;
    private volatile Instant heldUntil = Instant.MIN;

    public ApiDocument(ObjectMapper json, ServiceProxy proxy, OpenApiDocumentService own,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcServer,
            @ConfigProperty(name = "quarkus.smallrye-openapi.info-version") String version) {
        this.json = json;
        this.proxy = proxy;
        this.own = own;
        this.oidcServer = oidcServer;
        this.version = version;
        services.put("licensing", Target.LICENSING);
        services.put("users", Target.PORTAL_USERS);
        services.put("sections", Target.SECTIONS);
    }

    void register(@Observes Router router, Vertx vertx) {
        router.get("/q/openapi").handler(ctx -> vertx.<String> executeBlocking(() -> document().toPrettyString())
                .onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(ctx::fail));
    }

    private ObjectNode document() throws IOException {
        ObjectNode current = held;
        if (current != null && Instant.now().isBefore(heldUntil)) {
            return current;
        }
        ObjectNode merged = skeleton();
        // The gateway's own document is read in-process; the services' through the proxy's HTTP client.
        merge(merged, "gateway",
                (ObjectNode) json.readTree(own.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON)));
        List<String> missing = new ArrayList<>();
        services.forEach((name, target) -> {
            try {
                merge(merged, name, fetch(target));
            } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
                Log.warnf("The OpenAPI document of %s is unavailable, left out for now: %s", name, e.toString());
                missing.add(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing.add(name);
            }
        });
        if (missing.isEmpty()) {
            held = merged;
            heldUntil = Instant.now().plus(HOLD);
        } else {
            merged.set("x-unavailable-services", json.valueToTree(missing));
        }
        return merged;
    }

    private ObjectNode fetch(Target target) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        byte[] body = proxy.get(target, "/q/openapi?format=json", FETCH_TIMEOUT).toCompletionStage().toCompletableFuture()
                .get(FETCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getBytes();
        return (ObjectNode) json.readTree(body);
    }

    private ObjectNode skeleton() {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "External-user portal API");
        info.put("version", version);
        info.put("description", "The portal's public API. Every call needs a bearer access token from the portal's"
                + " OpenID Connect provider. Calls on section data (/api/sections/{code}/..., /api/approvals/...) by portal"
                + " users count against a daily quota reported in the RateLimit headers; errors are RFC 9457 problems.");
        // The document describes the public API, for callers outside the installation.
        doc.putArray("servers").addObject().put("url", "/").put("x-internal", false);
        doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        components.putObject("schemas").set("Problem", problemSchema());
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token from the portal's OpenID Connect provider, a JWT checked as RFC8725"
                        + " advises: signed with RS256 only (never 'none' or a symmetric key), by the provider's published keys,"
                        + " for this API's audience, from the configured issuer, not expired.");
        schemes.putObject("oidc").put("type", "openIdConnect")
                .put("openIdConnectUrl", oidcServer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("oidc");
        doc.putArray("tags");
        return doc;
    }

    private void merge(ObjectNode merged, String service, ObjectNode source) throws IOException {
        ObjectNode schemas = (ObjectNode) merged.get("components").get("schemas");
        ObjectNode sourceSchemas = published(source);
        String text = source.toString();
        for (Iterator<String> names = sourceSchemas.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (schemas.has(name) && !schemas.get(name).equals(sourceSchemas.get(name))) {
                text = text.replace("\"#/components/schemas/" + name + "\"",
                        "\"#/components/schemas/" + service + "." + name + "\"");
            }
        }
        ObjectNode renamed = (ObjectNode) json.readTree(text);
        for (Iterator<String> names = sourceSchemas.fieldNames(); names.hasNext();) {
            String name = names.next();
            boolean clash = schemas.has(name) && !schemas.get(name).equals(sourceSchemas.get(name));
            schemas.set(clash ? service + "." + name : name, renamed.path("components").path("schemas").get(name));
        }
        ObjectNode paths = (ObjectNode) merged.get("paths");
        renamed.path("paths").fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("/api/")) {
                paths.set(entry.getKey(), annotate(entry.getKey(), (ObjectNode) entry.getValue()));
            }
        });
        // What a service posts to partner systems (OpenAPI 3.1 webhooks), described beside what it answers.
        renamed.path("webhooks").fields()
                .forEachRemaining(entry -> merged.with("webhooks").set(entry.getKey(), entry.getValue()));
        ArrayNode tags = (ArrayNode) merged.get("tags");
        renamed.path("tags").forEach(tag -> {
            boolean known = false;
            for (JsonNode existing : tags) {
                known |= existing.path("name").equals(tag.path("name"));
            }
            if (!known) {
                tags.add(tag);
            }
        });
    }

    /**
     * The service's schemas that its public API uses ({@code /api} paths and webhooks, and what their
     * schemas refer to): internal calls' schemas stay out of the document, and out of name clashes.
     */
    private static ObjectNode published(ObjectNode source) {
        JsonNode all = source.path("components").path("schemas");
        Deque<JsonNode> pending = new ArrayDeque<>();
        source.path("paths").fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("/api/")) {
                pending.add(entry.getValue());
            }
        });
        pending.add(source.path("webhooks"));
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            for (JsonNode ref : pending.pop().findValues("$ref")) {
                String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
                if (ref.asText().startsWith(SCHEMAS) && all.has(name) && used.add(name)) {
                    pending.add(all.get(name));
                }
            }
        }
        ObjectNode published = JsonNodeFactory.instance.objectNode();
        all.fields().forEachRemaining(schema -> {
            if (used.contains(schema.getKey())) {
                published.set(schema.getKey(), schema.getValue());
            }
        });
        return published;
    }

    /** Every operation: the global security, problem bodies on errors, the quota or burst limit's headers. */
    private ObjectNode annotate(String path, ObjectNode item) {
        boolean counted = RouteTable.counted(path);
        item.fields().forEachRemaining(entry -> {
            if (!(entry.getValue() instanceof ObjectNode operation) || !operation.has("responses")) {
                return;
            }
            operation.remove("security");
            ObjectNode responses = (ObjectNode) operation.get("responses");
            if (!responses.has("400") && (operation.has("parameters") || operation.has("requestBody"))) {
                responses.set("400", problemResponse("The request's parameters or body are malformed or invalid"
                        + " (bad-request, or invalid-fields naming each field)"));
            }
            if (!responses.has("401")) {
                responses.set("401", problemResponse("No valid bearer access token"));
            }
            ObjectNode tooMany = problemResponse(counted ? "The daily call quota is used up (quota-exceeded)"
                    : "Too many calls at once from this caller (burst-limited)");
            tooMany.putObject("headers").set("Retry-After", header(counted ? "Seconds until the quota resets"
                    : "Seconds until the caller may call again"));
            responses.set("429", tooMany);
            if (!responses.has("500")) {
                responses.set("500",
                        problemResponse("An unexpected failure (internal); the request id in X-Request-Id traces it"));
            }
            responses.fields().forEachRemaining(response -> {
                int status = response.getKey().matches("\\d{3}") ? Integer.parseInt(response.getKey()) : 0;
                ObjectNode value = (ObjectNode) response.getValue();
                if (status >= 400 && !value.has("content")) {
                    value.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
                }
                rateLimitHeaders(value, status, counted);
            });
        });
        return item;
    }

    /**
     * The RateLimit header fields on 2xx and 4xx answers: the daily quota where the call is counted,
     * the caller's burst limit elsewhere (and on refusals before a call is counted).
     */
    private void rateLimitHeaders(ObjectNode response, int status, boolean counted) {
        if (status < 200 || status >= 500 || (status >= 300 && status < 400)) {
            return;
        }
        ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers") : response.putObject("headers");
        String example = counted ? "\"daily\";q=1000;w=86400 on counted answers, else \"burst\";q=100;w=5"
                : "\"burst\";q=100;w=5";
        headers.set("RateLimit-Policy", header("The limit that governed this call: name, quota, window in seconds, e.g. "
                + example));
        headers.set("RateLimit", header("What remains of it and the seconds until it is whole again, e.g. "
                + (counted ? "\"daily\";r=998;t=3600" : "\"burst\";r=99;t=1")));
    }

    private ObjectNode problemResponse(String description) {
        ObjectNode response = json.createObjectNode().put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
        return response;
    }

    private ObjectNode header(String description) {
        ObjectNode header = json.createObjectNode().put("description", description);
        header.putObject("schema").put("type", "string").put("maxLength", 200);
        return header;
    }

    private ObjectNode problemSchema() {
        ObjectNode schema = json.createObjectNode().put("type", "object")
                .put("description", "RFC 9457 problem details; type is stable per kind of problem (urn:portal:problem:<kind>)");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer").put("format", "int32").put("minimum", 100).put("maximum", 599);
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        ObjectNode error = properties.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        ObjectNode errorProperties = error.putObject("properties");
        errorProperties.putObject("field").put("type", "string");
        errorProperties.putObject("message").put("type", "string");
        schema.set("additionalProperties", json.getNodeFactory().booleanNode(true));
        return schema;
    }
}

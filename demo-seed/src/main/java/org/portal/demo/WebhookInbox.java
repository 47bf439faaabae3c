package org.portal.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo partner system's webhook receiver, which the local runner starts beside the portal and the
 * seed registers for every event: it checks each delivery as a partner should (the Standard Webhooks
 * signature with the endpoint's secret, a timestamp within five minutes), answers 204 (401 when the
 * check fails) and appends one line per delivery to its log.
 *
 * <p>
 * Usage: {@code java -cp demo-seed.jar org.portal.demo.WebhookInbox PORT SECRET_FILE}; the secret file
 * appears once the seed has registered the endpoint; deliveries go to standard output.
 */
public final class WebhookInbox {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookInbox() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: webhook-inbox PORT SECRET_FILE");
            System.exit(2);
        }
        Path secretFile = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/hooks", exchange -> receive(exchange, secretFile));
        server.start();
        System.out.println("webhook inbox listening on http://127.0.0.1:" + args[0] + "/hooks");
    }

    private static void receive(HttpExchange exchange, Path secretFile) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String verdict = verdict(secretFile, id, timestamp, signatures, body);
            String type = type(body);
            synchronized (WebhookInbox.class) {
                System.out.println(Instant.now() + " " + id + " " + type + " " + verdict);
            }
            exchange.sendResponseHeaders(verdict.equals("verified") ? 204 : 401, -1);
        }
    }

    private static String verdict(Path secretFile, String id, String timestamp, String signatures, String body)
            throws IOException {
        if (!Files.exists(secretFile)) {
            return "refused: no secret registered yet";
        }
        if (id == null || timestamp == null || signatures == null) {
            return "refused: Standard Webhooks headers missing";
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "refused: unreadable timestamp";
        }
        if (Duration.between(Instant.ofEpochSecond(sent), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return "refused: timestamp outside five minutes";
        }
        byte[] expected = ("v1," + sign(Files.readString(secretFile).strip(), id + "." + timestamp + "." + body))
                .getBytes(StandardCharsets.UTF_8);
        // The header may hold several space-separated signatures (during a secret rotation); one match is enough.
        for (String signature : signatures.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return "verified";
            }
        }
        return "refused: signature does not match";
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(String body) {
        try {
            return JSON.readTree(body).path("type").asText("?");
        } catch (IOException e) {
            return "(not JSON)";
        }
    }
}

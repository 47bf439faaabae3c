package org.portal.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.portal.licensetool.LicenseSigner;
import org.portal.licensetool.LicenseTerms;

/**
 * Puts the demo state into a freshly started system, through the public API as an administrator and
 * an agent would: accounts, the demo users linked to their identities, one license per edition
 * signed with the development vendor key, their seats, knowledge base articles, records in each
 * user's sections, a conversation on each user's first case, and a loan request waiting for
 * customer-acme's approval.
 *
 * <p>
 * Usage: {@code demo-seed GATEWAY_URL REALM_URL INSTALLATION_ID VENDOR_PRIVATE_JWK_FILE [WEBHOOK_URL SECRET_FILE]};
 * with a webhook URL, first registers it for every event of the installation (the demo partner's
 * {@link WebhookInbox}) and writes the endpoint's signing secret to the file.
 */
public final class DemoSeed {

    /** Demo users of the development realm: username, Keycloak id (the token subject), email, name. */
    record DemoUser(String username, String subject, String email, String name, String account, String license) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("ssp-acme", "6f1d0c1e-0000-4000-8000-000000000001", "ssp-acme@acme.example", "Sam Selfservice", "Acme",
                    "dev-self-service"),
            new DemoUser("customer-acme", "6f1d0c1e-0000-4000-8000-000000000002", "customer-acme@acme.example",
                    "Carla Customer", "Acme", "dev-customer"),
            new DemoUser("customer-globex", "6f1d0c1e-0000-4000-8000-000000000003", "customer-globex@globex.example",
                    "Gus Customer", "Globex", "dev-customer"),
            new DemoUser("partner-globex", "6f1d0c1e-0000-4000-8000-000000000004", "partner-globex@globex.example",
                    "Pat Partner", "Globex", "dev-partner"));

    private DemoSeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 6) {
            System.err.println(
                    "usage: demo-seed GATEWAY_URL REALM_URL INSTALLATION_ID VENDOR_PRIVATE_JWK_FILE [WEBHOOK_URL SECRET_FILE]");
            System.exit(2);
        }
        PortalApi api = new PortalApi(URI.create(args[0]), URI.create(args[1]));
        LicenseSigner vendor = LicenseSigner.fromPrivateJwk(Files.readString(Path.of(args[3])));
        if (args.length == 6) {
            registerWebhook(api, args[4], Path.of(args[5]));
        }
        seed(api, vendor, args[2]);
    }

    /** The demo partner's endpoint, for every event of the whole installation; its secret goes to the receiver's file. */
    static void registerWebhook(PortalApi api, String url, Path secretFile) throws java.io.IOException {
        String secret = api.post(api.token("admin"), "/api/admin/webhooks", Map.of("url", url, "events",
                List.of("record.created", "record.updated", "record.transitioned", "comment.added", "approval.decided",
                        "user.registered", "user.blocked")),
                201).get("secret").asText();
        Files.writeString(secretFile, secret);
        log("registered the demo partner's webhook endpoint " + url + " for every event");
    }

    static void seed(PortalApi api, LicenseSigner vendor, String installation) throws Exception {
        String admin = api.token("admin");
        LocalDate today = LocalDate.now();
        List<LicenseTerms> licenses = List.of(
                new LicenseTerms("dev-self-service", installation, "service-enterprise", 40, "self-service", 100,
                        today.minusDays(1), null),
                new LicenseTerms("dev-customer", installation, "bank-customer-journey", 50, "customer", 25, today.minusDays(1),
                        today.plusYears(1)),
                new LicenseTerms("dev-partner", installation, "crm-bundle", 50, "partner", 10, today.minusDays(1),
                        today.plusYears(1)));
        for (LicenseTerms terms : licenses) {
            api.postRaw(admin, "/api/licensing/licenses", "text/plain", vendor.sign(terms), 201);
            log("imported license " + terms.licenseId() + " (" + terms.edition() + " on " + terms.mainProduct() + ")");
        }
        Map<String, String> accounts = Map.of(
                "Acme", api.post(admin, "/api/accounts", Map.of("name", "Acme"), 201).get("id").asText(),
                "Globex", api.post(admin, "/api/accounts", Map.of("name", "Globex"), 201).get("id").asText());
        log("created accounts Acme and Globex");
        Map<String, String> userIds = new java.util.HashMap<>();
        for (DemoUser user : USERS) {
            String userId = api.post(admin, "/api/users", Map.of("subject", user.subject(), "email", user.email(),
                    "displayName", user.name(), "accountId", accounts.get(user.account())), 201).get("id").asText();
            userIds.put(user.username(), userId);
            api.post(admin, "/api/licensing/licenses/" + user.license() + "/seats", Map.of("userId", userId), 201);
            log("portal user " + user.username() + " in " + user.account() + " with a seat of " + user.license());
        }
        String agent = api.token("agent");
        for (Map<String, Object> article : ARTICLES) {
            api.post(agent, "/api/sections/knowledge-base/records", article, 201);
        }
        log("wrote " + ARTICLES.size() + " knowledge base articles");
        for (DemoUser user : USERS) {
            String token = api.token(user.username());
            Map<String, String> firstRecords = new java.util.HashMap<>();
            int count = 0;
            for (Map.Entry<String, List<Map<String, Object>>> section : RECORDS.entrySet()) {
                if (!grants(user.license(), section.getKey())) {
                    continue;
                }
                for (Map<String, Object> values : section.getValue()) {
                    String id = api.post(token, "/api/sections/" + section.getKey() + "/records", Map.of("values", values), 201)
                            .get("id").asText();
                    firstRecords.putIfAbsent(section.getKey(), id);
                    count++;
                }
            }
            log(user.username() + " created " + count + " records in the sections of their edition");
            converse(api, agent, token, firstRecords.get("cases"));
            log("a conversation on " + user.username() + "'s first case, with an agent's internal note and an attached log");
            if (user.username().equals("customer-acme")) {
                api.post(agent,
                        "/api/sections/financial-product-requests/records/" + firstRecords.get("financial-product-requests")
                                + "/approvals",
                        Map.of("approvers", List.of(userIds.get("customer-acme")),
                                "message", "Please confirm the loan terms we prepared with you"),
                        201);
                log("customer-acme has a loan request waiting for their approval");
            }
        }
    }

    /**
     * The agent takes the case up and asks, notes something for colleagues only, and the customer
     * answers with their browser's console log attached.
     */
    private static void converse(PortalApi api, String agent, String customer, String caseId) {
        String path = "/api/sections/cases/records/" + caseId;
        api.post(agent, path + "/transitions", Map.of("to", "in-progress"), 200);
        api.post(agent, path + "/comments", Map.of("body", "Thanks for reporting this. Which browser do you use?"), 201);
        api.post(agent, path + "/comments", Map.of("body", "Looks like the known PDF service issue; linked to PRB-12.",
                "internal", true), 201);
        api.post(agent, path + "/transitions", Map.of("to", "waiting-for-customer"), 200);
        api.post(customer, path + "/comments", Map.of("body", "Firefox 132 on Windows."), 201);
        api.upload(customer, path + "/attachments", "browser-console.txt", "text/plain",
                "GET /api/documents/42/pdf 504 (Gateway Timeout)\n", 201);
        api.post(customer, path + "/transitions", Map.of("to", "in-progress"), 200);
    }

    /** The sections each demo license's edition offers on its main product (docs/product-rules.md). */
    private static boolean grants(String license, String section) {
        return switch (license) {
            case "dev-self-service" -> section.equals("cases");
            case "dev-customer" -> List.of("cases", "financial-product-requests", "contracts").contains(section);
            case "dev-partner" -> List.of("cases", "leads", "opportunities", "orders", "documents", "marketing-activities")
                    .contains(section);
            default -> false;
        };
    }

    static final Map<String, List<Map<String, Object>>> RECORDS = new java.util.LinkedHashMap<>();

    static {
        RECORDS.put("cases", List.of(
                Map.of("subject", "Cannot download my invoice", "description", "The PDF link gives an error.", "priority",
                        "high",
                        "category", "incident"),
                Map.of("subject", "How do I add a colleague?", "category", "question")));
        RECORDS.put("financial-product-requests", List.of(
                Map.of("product-type", "loan", "amount", 25000, "currency", "EUR", "term-months", 36, "purpose",
                        "New delivery van"),
                Map.of("product-type", "credit-card", "amount", 5000, "currency", "EUR")));
        RECORDS.put("contracts", List.of(
                Map.of("number", "C-2026-001", "title", "Current account", "starts-on", "2026-01-01", "auto-renew", true)));
        RECORDS.put("leads", List.of(
                Map.of("title", "Fleet renewal", "company-name", "Initech", "source", "event", "estimated-value", 120000),
                Map.of("title", "Office fit-out", "company-name", "Umbrella", "source", "referral")));
        RECORDS.put("opportunities", List.of(
                Map.of("title", "Initech fleet", "amount", 95000, "stage", "proposal", "close-date", "2027-01-31")));
        RECORDS.put("orders", List.of(
                Map.of("number", "PO-1001", "amount", 1999.90, "currency", "EUR", "due-date", "2026-12-15"),
                Map.of("number", "PO-1002", "amount", 450, "currency", "USD")));
        RECORDS.put("documents", List.of(
                Map.of("title", "Quote for Initech", "document-type", "quote", "number", "Q-77", "amount", 95000)));
        RECORDS.put("marketing-activities", List.of(
                Map.of("name", "Spring webinar", "channel", "webinar", "starts-on", "2027-03-10", "budget", 3000)));
    }

    static final List<Map<String, Object>> ARTICLES = List.of(
            Map.of("title", "How to reset your portal password", "published", true, "tags", List.of("account", "password"),
                    "body", "Choose 'Forgot password' on the sign-in page; the identity provider emails you a link."),
            Map.of("title", "Opening a support case", "published", true, "tags", List.of("cases"),
                    "body", "Go to Cases, choose New, describe the problem and its priority; an agent answers within a day."),
            Map.of("title", "Understanding your daily API allowance", "published", true, "tags", List.of("api", "limits"),
                    "body",
                    "Each portal user may make 1,000 calls a day on section data; the RateLimit headers show what remains."),
            Map.of("title", "Draft: new contract renewal process", "published", false, "tags", List.of("contracts"),
                    "body", "Not yet published: agents only."));

    private static void log(String message) {
        System.out.println("  seed: " + message);
    }
}

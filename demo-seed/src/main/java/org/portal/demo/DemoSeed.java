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
 * signed with the development vendor key, their seats, and knowledge base articles.
 *
 * <p>Usage: {@code demo-seed GATEWAY_URL REALM_URL INSTALLATION_ID VENDOR_PRIVATE_JWK_FILE}
 */
public final class DemoSeed {

    /** Demo users of the development realm: username, Keycloak id (the token subject), email, name. */
    record DemoUser(String username, String subject, String email, String name, String account, String license) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("ssp-acme", "6f1d0c1e-0000-4000-8000-000000000001", "ssp-acme@acme.example", "Sam Selfservice", "Acme", "dev-self-service"),
            new DemoUser("customer-acme", "6f1d0c1e-0000-4000-8000-000000000002", "customer-acme@acme.example", "Carla Customer", "Acme", "dev-customer"),
            new DemoUser("customer-globex", "6f1d0c1e-0000-4000-8000-000000000003", "customer-globex@globex.example", "Gus Customer", "Globex", "dev-customer"),
            new DemoUser("partner-globex", "6f1d0c1e-0000-4000-8000-000000000004", "partner-globex@globex.example", "Pat Partner", "Globex", "dev-partner"));

    private DemoSeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: demo-seed GATEWAY_URL REALM_URL INSTALLATION_ID VENDOR_PRIVATE_JWK_FILE");
            System.exit(2);
        }
        PortalApi api = new PortalApi(URI.create(args[0]), URI.create(args[1]));
        LicenseSigner vendor = LicenseSigner.fromPrivateJwk(Files.readString(Path.of(args[3])));
        seed(api, vendor, args[2]);
    }

    static void seed(PortalApi api, LicenseSigner vendor, String installation) throws Exception {
        String admin = api.token("admin");
        LocalDate today = LocalDate.now();
        List<LicenseTerms> licenses = List.of(
                new LicenseTerms("dev-self-service", installation, "service-enterprise", 40, "self-service", 100, today.minusDays(1), null),
                new LicenseTerms("dev-customer", installation, "bank-customer-journey", 50, "customer", 10, today.minusDays(1), today.plusYears(1)),
                new LicenseTerms("dev-partner", installation, "crm-bundle", 50, "partner", 10, today.minusDays(1), today.plusYears(1)));
        for (LicenseTerms terms : licenses) {
            api.postRaw(admin, "/api/licensing/licenses", "text/plain", vendor.sign(terms), 201);
            log("imported license " + terms.licenseId() + " (" + terms.edition() + " on " + terms.mainProduct() + ")");
        }
        Map<String, String> accounts = Map.of(
                "Acme", api.post(admin, "/api/accounts", Map.of("name", "Acme"), 201).get("id").asText(),
                "Globex", api.post(admin, "/api/accounts", Map.of("name", "Globex"), 201).get("id").asText());
        log("created accounts Acme and Globex");
        for (DemoUser user : USERS) {
            String userId = api.post(admin, "/api/users", Map.of("subject", user.subject(), "email", user.email(),
                    "displayName", user.name(), "accountId", accounts.get(user.account())), 201).get("id").asText();
            api.post(admin, "/api/licensing/licenses/" + user.license() + "/seats", Map.of("userId", userId), 201);
            log("portal user " + user.username() + " in " + user.account() + " with a seat of " + user.license());
        }
        String agent = api.token("agent");
        for (Map<String, Object> article : ARTICLES) {
            api.post(agent, "/api/sections/knowledge-base/records", article, 201);
        }
        log("wrote " + ARTICLES.size() + " knowledge base articles");
    }

    static final List<Map<String, Object>> ARTICLES = List.of(
            Map.of("title", "How to reset your portal password", "published", true, "tags", List.of("account", "password"),
                    "body", "Choose 'Forgot password' on the sign-in page; the identity provider emails you a link."),
            Map.of("title", "Opening a support case", "published", true, "tags", List.of("cases"),
                    "body", "Go to Cases, choose New, describe the problem and its priority; an agent answers within a day."),
            Map.of("title", "Understanding your daily API allowance", "published", true, "tags", List.of("api", "limits"),
                    "body", "Each portal user may make 1,000 calls a day on section data; the RateLimit headers show what remains."),
            Map.of("title", "Draft: new contract renewal process", "published", false, "tags", List.of("contracts"),
                    "body", "Not yet published: agents only."));

    private static void log(String message) {
        System.out.println("  seed: " + message);
    }
}

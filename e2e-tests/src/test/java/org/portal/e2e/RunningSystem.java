package org.portal.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The system the local runner started for this run: where its gateway and realm are. */
final class RunningSystem {

    static final String PASSWORD = "demo-password";
    static final String GATEWAY;
    static final String REALM;
    static final String KEYCLOAK;
    /** The local mail server's API, where every mail sent by Keycloak and the services can be read. */
    static final String MAILBOX;
    /** The front end's address, where mails link to and the SPA client's sign-ins end. */
    static final String PORTAL;
    private static final Properties URLS = new Properties();

    static {
        Path urls = LocalRunner.STATE.resolve("urls.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(urls)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("No running system: " + urls + " is missing (deploy/local/run.sh writes it)", e);
        }
        GATEWAY = properties.getProperty("gateway");
        REALM = properties.getProperty("realm");
        KEYCLOAK = properties.getProperty("keycloak");
        MAILBOX = properties.getProperty("mailbox");
        PORTAL = properties.getProperty("portal");
        URLS.putAll(properties);
    }

    private RunningSystem() {
    }

    /** The address of one service, for calls that go straight to it past the gateway. */
    static String service(String name) {
        return java.util.Objects.requireNonNull(URLS.getProperty(name), name + " is not in urls.properties");
    }

    /** A token of Keycloak's own administrator (the runner's development bootstrap account). */
    static String keycloakAdminToken() {
        return JsonPath.from(RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().asString()).getString("access_token");
    }

    /** The answer of the token endpoint to a password grant, whatever its status. */
    static int tokenStatus(String username) {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "portal-dev")
                .formParam("username", username).formParam("password", PASSWORD)
                .post(REALM + "/protocol/openid-connect/token").statusCode();
    }

    /** An access token from the real Keycloak, by the development client's password grant. */
    static String token(String username) {
        return JsonPath.from(RestAssured.given().formParam("grant_type", "password").formParam("client_id", "portal-dev")
                .formParam("username", username).formParam("password", PASSWORD)
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().asString()).getString("access_token");
    }

    /**
     * A person at Keycloak with a verified e-mail, a password and the given realm roles, made through
     * its admin API; answers their subject.
     */
    static String createIdentity(String username, String email, String password, String... realmRoles) {
        String admin = keycloakAdminToken();
        String users = KEYCLOAK + "/admin/realms/portal/users";
        String location = RestAssured.given().auth().oauth2(admin).contentType("application/json")
                .body(java.util.Map.of("username", username, "email", email, "emailVerified", true, "enabled", true,
                        "firstName", "Fred", "lastName", "Forgetful",
                        "credentials",
                        java.util.List.of(java.util.Map.of("type", "password", "value", password, "temporary", false))))
                .post(users).then().statusCode(201).extract().header("Location");
        String subject = location.substring(location.lastIndexOf('/') + 1);
        for (String role : realmRoles) {
            Object representation = RestAssured.given().auth().oauth2(admin)
                    .get(KEYCLOAK + "/admin/realms/portal/roles/" + role)
                    .then().statusCode(200).extract().as(java.util.Map.class);
            RestAssured.given().auth().oauth2(admin).contentType("application/json").body(java.util.List.of(representation))
                    .post(users + "/" + subject + "/role-mappings/realm").then().statusCode(204);
        }
        return subject;
    }

    /** The id of the demo account whose name starts with this, as an administrator finds it. */
    static String accountId(String adminToken, String name) {
        return RestAssured.given().auth().oauth2(adminToken).get(GATEWAY + "/api/accounts?q=" + name).then().statusCode(200)
                .extract().path("[0].id");
    }

    /** An edition's daily call limit, as the catalogue gives it. */
    static int dailyCallLimit(String adminToken, String edition) {
        return RestAssured.given().auth().oauth2(adminToken).get(GATEWAY + "/api/licensing/catalogue").then().statusCode(200)
                .extract().path("editions.find { it.code == '" + edition + "' }.dailyCallLimit");
    }

    /** Sets an edition's daily call limit, as a portal administrator does. */
    static void setDailyCallLimit(String adminToken, String edition, int limit) {
        RestAssured.given().auth().oauth2(adminToken).contentType("application/json")
                .body(java.util.Map.of("dailyCallLimit", limit))
                .put(GATEWAY + "/api/licensing/catalogue/editions/" + edition + "/daily-call-limit").then().statusCode(200);
    }

    /** A portal user made by a portal administrator for a new identity: their Keycloak username and user id. */
    record LinkedPerson(String username, String userId) {
    }

    /**
     * A person of the account with a portal-user identity at Keycloak and a portal user linked to it by
     * a portal administrator; with a seat of the edition when one is named.
     */
    static LinkedPerson linkedPortalUser(String adminToken, String accountId, String prefix, String seatEdition) {
        String username = prefix + "-" + java.util.UUID.randomUUID();
        String email = username + "@portal-test.example";
        String subject = createIdentity(username, email, PASSWORD, "portal-user");
        String userId = RestAssured.given().auth().oauth2(adminToken).contentType("application/json")
                .body(java.util.Map.of("subject", subject, "email", email, "displayName", prefix, "accountId", accountId))
                .post(GATEWAY + "/api/users").then().statusCode(201).extract().path("id");
        if (seatEdition != null) {
            RestAssured.given().auth().oauth2(adminToken).contentType("application/json")
                    .body(java.util.Map.of("edition", seatEdition))
                    .put(GATEWAY + "/api/users/" + userId + "/seat").then().statusCode(204);
        }
        return new LinkedPerson(username, userId);
    }
}

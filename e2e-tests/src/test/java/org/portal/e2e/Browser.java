package org.portal.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.WebConnectionWrapper;

import io.restassured.path.json.JsonPath;

/**
 * A person's browser on Keycloak's own pages (HtmlUnit, without JavaScript: the pages are plain
 * forms). The portal's front end is not part of this product, so the browser plays it: a visit to
 * the front end's address is recorded and answered with an empty page, and the sign-in code it
 * carries is exchanged for tokens the way the SPA does (authorization code with PKCE, client
 * {@code portal-spa}).
 */
final class Browser implements AutoCloseable {

    static final String SPA_CLIENT = "portal-spa";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the SPA holds after a sign-in. */
    record Tokens(String access, String refresh) {

        /** New tokens for the same sign-in, as the SPA refreshes them: they carry the person's roles of now. */
        Tokens refreshed() {
            return Browser.tokens(Map.of("grant_type", "refresh_token", "client_id", SPA_CLIENT, "refresh_token", refresh));
        }
    }

    private final WebClient web = new WebClient(BrowserVersion.FIREFOX);
    private final List<URL> frontEndVisits = new CopyOnWriteArrayList<>();
    private final String redirectUri = RunningSystem.PORTAL + "/";
    private String verifier;

    Browser() {
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        new WebConnectionWrapper(web) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                if (request.getUrl().toString().startsWith(RunningSystem.PORTAL)) {
                    frontEndVisits.add(request.getUrl());
                    return new StringWebResponse("<html><body>The portal's front end</body></html>", request.getUrl());
                }
                return super.getResponse(request);
            }
        };
    }

    /** Opens the SPA's sign-in: Keycloak's login page, or the front end at once when a session exists. */
    HtmlPage signIn() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return open(RunningSystem.REALM + "/protocol/openid-connect/auth?client_id=" + SPA_CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + encode(redirectUri)
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256&state=" + verifier.substring(0, 12));
    }

    HtmlPage open(String url) {
        try {
            Page page = web.getPage(url);
            return page instanceof HtmlPage html ? html : null;
        } catch (IOException e) {
            throw new IllegalStateException("Could not open " + url, e);
        }
    }

    /** Fills the form that has all these fields and submits it. */
    HtmlPage submit(HtmlPage page, Map<String, String> fields) {
        HtmlForm form = page.getForms().stream()
                .filter(candidate -> fields.keySet().stream().allMatch(name -> !candidate.getInputsByName(name).isEmpty()))
                .findFirst().orElseThrow(() -> new AssertionError("No form with " + fields.keySet() + " at " + page.getUrl()
                        + ":\n" + page.asNormalizedText()));
        fields.forEach((name, value) -> form.getInputByName(name).setValue(value));
        return press(form.getFirstByXPath(".//*[@type='submit']"));
    }

    /** Follows the first link whose address contains {@code hrefPart}. */
    HtmlPage click(HtmlPage page, String hrefPart) {
        return press(link(page, hrefPart).orElseThrow(() -> new AssertionError("No link with '" + hrefPart + "' at "
                + page.getUrl() + ":\n" + page.asNormalizedText())));
    }

    private static HtmlPage press(HtmlElement element) {
        try {
            Page next = element.click();
            return next instanceof HtmlPage html ? html : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Goes on through Keycloak's pages until the front end is reached: its information pages are
     * clicked through ("proceed", "back to application") and a new-password form gets {@code newPassword}.
     */
    void continueToFrontEnd(HtmlPage page, String newPassword) {
        HtmlPage current = page;
        for (int step = 0; step < 6 && !atFrontEnd(current); step++) {
            if (!current.getForms().isEmpty() && !current.getElementsByName("password-new").isEmpty()) {
                current = submit(current, Map.of("password-new", newPassword, "password-confirm", newPassword));
            } else if (link(current, RunningSystem.PORTAL).isPresent()) {
                current = click(current, RunningSystem.PORTAL);
            } else {
                current = click(current, "login-actions");
            }
        }
        if (!atFrontEnd(current)) {
            throw new AssertionError("Keycloak did not lead back to the front end; last page " + current.getUrl() + ":\n"
                    + current.asNormalizedText());
        }
    }

    /** The last address of the front end this browser was sent to. */
    URI lastFrontEndVisit() {
        if (frontEndVisits.isEmpty()) {
            throw new AssertionError("The browser never reached the front end");
        }
        return URI.create(frontEndVisits.get(frontEndVisits.size() - 1).toString());
    }

    /** A query parameter of the last front-end visit (the SPA reads {@code code}, an invitation page its {@code code}). */
    String frontEndParameter(String name) {
        return Arrays.stream(Optional.ofNullable(lastFrontEndVisit().getRawQuery()).orElse("").split("&"))
                .filter(pair -> pair.startsWith(name + "=")).map(pair -> URLDecoder.decode(pair.substring(name.length() + 1),
                        StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("No " + name + " in " + lastFrontEndVisit()));
    }

    /** The SPA's tokens for the code Keycloak sent it back with. */
    Tokens tokens() {
        return tokens(Map.of("grant_type", "authorization_code", "client_id", SPA_CLIENT, "code", frontEndParameter("code"),
                "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    @Override
    public void close() {
        web.close();
    }

    private boolean atFrontEnd(HtmlPage page) {
        return page == null ? !frontEndVisits.isEmpty() : page.getUrl().toString().startsWith(RunningSystem.PORTAL);
    }

    private static Optional<HtmlAnchor> link(HtmlPage page, String hrefPart) {
        return page.getAnchors().stream().filter(anchor -> anchor.getHrefAttribute().contains(hrefPart)).findFirst();
    }

    private static Tokens tokens(Map<String, String> form) {
        JsonPath answer = JsonPath.from(given().formParams(form).post(RunningSystem.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().asString());
        return new Tokens(answer.getString("access_token"), answer.getString("refresh_token"));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

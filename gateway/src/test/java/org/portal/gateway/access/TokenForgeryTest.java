package org.portal.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.server;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Every forged or unfit token is a 401 problem, and no request reaches a service. */
@QuarkusTest
class TokenForgeryTest {

    @BeforeEach
    void portalUser() {
        DownstreamServices.portalUser("forger", "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        server().resetRequests();
    }

    static String expired() {
        Instant past = Instant.now().minusSeconds(7200);
        return TestTokens.claims("forger", "portal-user").issuedAt(past).expiresAt(past.plusSeconds(300)).jws().keyId("1")
                .sign();
    }

    static String notYetValid() {
        return TestTokens.claims("forger", "portal-user").claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .jws().keyId("1").sign();
    }

    static String wrongIssuer() {
        return TestTokens.claims("forger", "portal-user").issuer("https://evil.example.com").jws().keyId("1").sign();
    }

    static String wrongAudience() {
        return TestTokens.claims("forger", "portal-user").audience("another-api").jws().keyId("1").sign();
    }

    static String algNone() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"sub\":\"forger\",\"groups\":[\"portal-user\"],\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}");
        return header + "." + payload + ".";
    }

    static String hs256WithThePublicKey() throws Exception {
        String jwk = new String(TokenForgeryTest.class.getClassLoader().getResourceAsStream("publicKey.jwk").readAllBytes(),
                StandardCharsets.UTF_8);
        byte[] publicKey = PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey().getEncoded();
        return TestTokens.claims("forger", "portal-user").jws().keyId("1").algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(publicKey, "HmacSHA256"));
    }

    static String unknownKeyId() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return TestTokens.claims("forger", "portal-user").jws().keyId("unknown-" + UUID.randomUUID())
                .sign((RSAPrivateKey) generator.generateKeyPair().getPrivate());
    }

    static String missingSubject() {
        Instant now = Instant.now();
        return Jwt.claims().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).groups("portal-user")
                .issuedAt(now).expiresAt(now.plusSeconds(300)).jws().keyId("1").sign();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> forgeries() throws Exception {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("expired", expired()),
                org.junit.jupiter.params.provider.Arguments.of("not yet valid", notYetValid()),
                org.junit.jupiter.params.provider.Arguments.of("wrong issuer", wrongIssuer()),
                org.junit.jupiter.params.provider.Arguments.of("wrong audience", wrongAudience()),
                org.junit.jupiter.params.provider.Arguments.of("alg none", algNone()),
                org.junit.jupiter.params.provider.Arguments.of("HS256 signed with the public key", hs256WithThePublicKey()),
                org.junit.jupiter.params.provider.Arguments.of("unknown kid", unknownKeyId()),
                org.junit.jupiter.params.provider.Arguments.of("missing sub", missingSubject()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void isRefusedAndReachesNoService(String kind, String token) {
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:unauthorized"));
        server().verify(0, anyRequestedFor(urlPathMatching("/(api|internal)/.*")));
    }

    /**
     * Verified tokens are remembered by their exact text (VerifiedTokens, which hashes only the signature's
     * end): a changed signature, and a remembered signature on other claims, are verified in full.
     */
    @Test
    void aRememberedTokenWithAnotherSignatureIsRefused() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String token = TestTokens.of("forger", "portal-user");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String other = token.substring(0, token.lastIndexOf('.') + 1) + new StringBuilder(signature).reverse();
        given().auth().oauth2(other).get("/api/sections/knowledge-base/records").then().statusCode(401);
        given().auth().oauth2(token + "x").get("/api/sections/knowledge-base/records").then().statusCode(401);
        String otherClaims = TestTokens.of("someone-else", "portal-user");
        String signedAsTheFirst = otherClaims.substring(0, otherClaims.lastIndexOf('.') + 1) + signature;
        given().auth().oauth2(signedAsTheFirst).get("/api/sections/knowledge-base/records").then().statusCode(401);
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** The scheme's letter case is the client's choice (RFC 9110): "bearer" finds the remembered identity too. */
    @ParameterizedTest
    @ValueSource(strings = { "Bearer", "bearer" })
    void aRepeatedTokenIsVerifiedOnce(String scheme) {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String token = TestTokens.of("forger", "portal-user");
        double before = rememberedHits();
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", scheme + " " + token).get("/api/sections/knowledge-base/records").then()
                    .statusCode(200);
        }
        assertEquals(4, rememberedHits() - before, 0.0,
                "calls answered from the remembered identity");
    }

    private double rememberedHits() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"verified-tokens\"")
                && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        Instant now = Instant.now();
        String token = TestTokens.claims("forger", "portal-user").issuedAt(now).expiresAt(now.plusSeconds(2)).jws().keyId("1")
                .sign();
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/sections/knowledge-base/records").statusCode() == 401);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

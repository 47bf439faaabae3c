package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Files on records as a customer meets them: through the gateway (counted as an edit of the case),
 * into the object store the runner started (s3proxy), and back byte for byte; another account's
 * file is not found; a file too large or of a refused type is turned away with its problem.
 */
class AttachmentsIT {

    private static final byte[] PNG = HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    + "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

    private static String newCase(String token) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("values", Map.of("subject", "Invoice PDF does not open")))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201).extract().path("id");
    }

    private static String attachments(String caseId) {
        return RunningSystem.GATEWAY + "/api/sections/cases/records/" + caseId + "/attachments";
    }

    @Test
    void aScreenshotGoesUpIsListedAndComesBackIdentical() {
        String acme = RunningSystem.token("customer-acme");
        String caseId = newCase(acme);
        String id = given().auth().oauth2(acme).multiPart("file", "screenshot.png", PNG, "image/png").post(attachments(caseId))
                .then().statusCode(201).header("RateLimit", matchesPattern("\"daily\";r=\\d+;t=\\d+"))
                .body("contentType", equalTo("image/png")).extract().path("id");
        given().auth().oauth2(acme).get(attachments(caseId)).then().statusCode(200).body("id", contains(id))
                .body("fileName", contains("screenshot.png"));
        byte[] back = given().auth().oauth2(acme).get(attachments(caseId) + "/" + id).then().statusCode(200)
                .contentType("image/png")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"screenshot.png\".*"))
                .extract().asByteArray();
        assertArrayEquals(PNG, back);
        given().auth().oauth2(RunningSystem.token("agent")).get(attachments(caseId)).then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void anotherAccountFindsNoFile() {
        String acme = RunningSystem.token("customer-acme");
        String caseId = newCase(acme);
        String id = given().auth().oauth2(acme).multiPart("file", "a.png", PNG, "image/png").post(attachments(caseId)).then()
                .statusCode(201).extract().path("id");
        String globex = RunningSystem.token("customer-globex");
        given().auth().oauth2(globex).get(attachments(caseId)).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(globex).get(attachments(caseId) + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aFileOverTwentyFiveMebibytesIs413() throws IOException {
        String acme = RunningSystem.token("customer-acme");
        String caseId = newCase(acme);
        Path big = Files.createTempFile("big", ".pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(25L * 1024 * 1024 + 1);
        }
        try {
            given().auth().oauth2(acme).multiPart("file", big.toFile(), "application/pdf").post(attachments(caseId)).then()
                    .statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:portal:problem:file-too-large"));
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void aFileOfARefusedTypeIs415() {
        String acme = RunningSystem.token("customer-acme");
        byte[] executable = HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000");
        given().auth().oauth2(acme).multiPart("file", "invoice.pdf", executable, "application/pdf")
                .post(attachments(newCase(acme))).then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:file-type-not-allowed"));
    }

    @Test
    void theDemoCaseCarriesTheCustomersLog() {
        String acme = RunningSystem.token("customer-acme");
        String first = given().auth().oauth2(acme).queryParam("sort", "created").queryParam("limit", 1)
                .get(RunningSystem.GATEWAY + "/api/sections/cases/records").then().extract().path("items[0].id");
        given().auth().oauth2(acme).get(attachments(first)).then().statusCode(200)
                .body("fileName", hasItem("browser-console.txt"));
    }
}

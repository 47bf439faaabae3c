package org.portal.sections.attachments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class AttachmentsTest {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");
    private static final byte[] PNG = SampleFiles.PNG;

    private static String path(String section, String record) {
        return "/api/sections/" + section + "/records/" + record + "/attachments";
    }

    private static ValidatableResponse upload(String token, String section, String record, String name, byte[] bytes,
            String type) {
        return given().auth().oauth2(token).multiPart("file", name, bytes, type).post(path(section, record)).then();
    }

    private static String aCase(People.Person person) {
        return People.created(person.token(), "cases", Map.of("subject", "Screen is blank"));
    }

    @Test
    void anUploadedFileIsListedAndComesBackByteForByte() throws Exception {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        String id = upload(carla.token(), "cases", record, "screen shot.png", PNG, "image/png").statusCode(201)
                .body("fileName", equalTo("screen shot.png")).body("contentType", equalTo("image/png"))
                .body("size", equalTo(PNG.length)).body("sha256", equalTo(sha256))
                .body("uploadedBy", equalTo(carla.subject())).extract().path("id");
        given().auth().oauth2(carla.token()).get(path("cases", record)).then().statusCode(200)
                .body("id", contains(id));
        byte[] back = given().auth().oauth2(carla.token()).get(path("cases", record) + "/" + id).then().statusCode(200)
                .contentType("image/png")
                .header("Content-Disposition", "attachment; filename=\"screen shot.png\"; filename*=UTF-8''screen%20shot.png")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(PNG, back);
    }

    @Test
    void anotherAccountFindsNeitherTheListNorTheFile() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        String id = upload(carla.token(), "cases", record, "a.png", PNG, "image/png").statusCode(201).extract().path("id");
        String stranger = People.portalUser(UUID.randomUUID(), "account").token();
        given().auth().oauth2(stranger).get(path("cases", record)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).get(path("cases", record) + "/" + id).then().statusCode(404);
        upload(stranger, "cases", record, "b.png", PNG, "image/png").statusCode(404);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsKept() throws IOException {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        Path big = Files.createTempFile("big", ".pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(25L * 1024 * 1024 + 1);
        }
        try {
            given().auth().oauth2(carla.token()).multiPart("file", big.toFile(), "application/pdf").post(path("cases", record))
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:portal:problem:file-too-large"));
        } finally {
            Files.delete(big);
        }
        given().auth().oauth2(carla.token()).get(path("cases", record)).then().body("", empty());
    }

    @Test
    void theTypeIsReadFromTheBytesNotFromTheNameOrTheClaim() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        byte[] executable = HexFormat.of().parseHex("7f454c4602010100000000000000000002003e00");
        upload(carla.token(), "cases", record, "photo.png", executable, "image/png").statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("urn:portal:problem:file-type-not-allowed"));
        upload(carla.token(), "cases", record, "notes.bin", "Printer shows E42\n".getBytes(), "application/octet-stream")
                .statusCode(201).body("contentType", equalTo("text/plain"));
    }

    @Test
    void namesAreCleanedOfFoldersAndUnsafeCharacters() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        upload(carla.token(), "cases", record, "../../etc/pass<wd>|.png", PNG, "image/png").statusCode(201)
                .body("fileName", equalTo("pass_wd__.png"));
    }

    @Test
    void aBrokenFormIsABadRequest() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(carla.token()).contentType("multipart/form-data; boundary=xyz")
                .body("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\n\r\nbroken".getBytes())
                .post(path("cases", aCase(carla))).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyStaffRemoveFiles() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        String id = upload(carla.token(), "cases", record, "a.png", PNG, "image/png").statusCode(201).extract().path("id");
        given().auth().oauth2(carla.token()).delete(path("cases", record) + "/" + id).then().statusCode(403);
        given().auth().oauth2(AGENT).delete(path("cases", record) + "/" + id).then().statusCode(204);
        given().auth().oauth2(carla.token()).get(path("cases", record)).then().body("", empty());
        given().auth().oauth2(AGENT).get(path("cases", record) + "/" + id).then().statusCode(404);
    }

    @Test
    void filesOnAnInternalNoteAreStaffsOnly() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        String note = given().auth().oauth2(AGENT).contentType("application/json")
                .body(Map.of("body", "Customer's logs", "internal", true))
                .post("/api/sections/cases/records/" + record + "/comments").then().statusCode(201).extract().path("id");
        String id = given().auth().oauth2(AGENT).multiPart("file", "log.txt", "E42 at boot\n".getBytes(), "text/plain")
                .multiPart("commentId", note).post(path("cases", record)).then().statusCode(201)
                .body("commentId", equalTo(note)).extract().path("id");
        given().auth().oauth2(AGENT).get(path("cases", record)).then().body("id", contains(id));
        given().auth().oauth2(carla.token()).get(path("cases", record)).then().body("", empty());
        given().auth().oauth2(carla.token()).get(path("cases", record) + "/" + id).then().statusCode(404);
        given().auth().oauth2(carla.token()).multiPart("file", "x.txt", "x\n".getBytes(), "text/plain")
                .multiPart("commentId", note).post(path("cases", record)).then().statusCode(404);
    }

    @Test
    void aSectionThatTakesNoFilesSaysSo() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        String lead = People.created(pat.token(), "leads", Map.of("title", "Fleet renewal"));
        upload(pat.token(), "leads", lead, "a.png", PNG, "image/png").statusCode(422)
                .body("type", equalTo("urn:portal:problem:files-not-taken"));
    }

    @Test
    void aRecordTakesAtMostItsLimitOfFiles() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String record = aCase(carla);
        for (int i = 0; i < 20; i++) {
            upload(carla.token(), "cases", record, i + ".png", PNG, "image/png").statusCode(201);
        }
        upload(carla.token(), "cases", record, "21.png", PNG, "image/png").statusCode(409)
                .body("type", equalTo("urn:portal:problem:attachment-limit"));
        given().auth().oauth2(carla.token()).get(path("cases", record)).then().body("", hasSize(20));
    }
}

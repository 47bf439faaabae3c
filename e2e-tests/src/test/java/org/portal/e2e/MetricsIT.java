package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus scrapes stays bounded whatever callers send: the gateway names a
 * customer's reads of two records by their route, and a stranger's made-up paths with a forged token,
 * at the gateway or straight at a service, make no series of their own.
 */
class MetricsIT {

    private static final List<String> SERVICES = List.of("licensing-service", "portal-users-service", "sections-service");

    @Test
    void aCustomersReadsOfTwoRecordsAreOneSeriesOfTheirRoute() {
        String token = RunningSystem.token("customer-acme");
        String records = RunningSystem.GATEWAY + "/api/sections/knowledge-base/records";
        List<String> ids = given().auth().oauth2(token).get(records + "?limit=2").then().statusCode(200)
                .extract().path("items.id");
        assertEquals(2, ids.size(), "the demo knowledge base has two records to read");
        for (String id : ids) {
            given().auth().oauth2(token).get(records + "/" + id).then().statusCode(200);
        }

        String exported = metrics(RunningSystem.GATEWAY);
        for (String id : ids) {
            assertEquals(List.of(), lines(exported, id), "no series names record " + id);
        }
        assertTrue(exported.contains("uri=\"/api/sections/**\""), "the reads are under their route");
    }

    @Test
    void aStrangersMadeUpPathsWithAForgedTokenMakeNoSeries() {
        String madeUp = "made-up-" + UUID.randomUUID();
        given().auth().oauth2("forged").get(RunningSystem.GATEWAY + "/api/licensing/" + madeUp).then().statusCode(401);
        for (String service : SERVICES) {
            given().auth().oauth2("forged").get(RunningSystem.service(service) + "/api/" + madeUp).then().statusCode(401);
        }

        assertEquals(List.of(), lines(metrics(RunningSystem.GATEWAY), madeUp), "the gateway");
        for (String service : SERVICES) {
            assertEquals(List.of(), lines(metrics(RunningSystem.service(service)), madeUp), service);
        }
    }

    /** A service's Prometheus metrics, from its management port (its port + 10, deploy/local/run.sh). */
    private static String metrics(String service) {
        URI address = URI.create(service);
        return given().get("http://localhost:" + (address.getPort() + 10) + "/q/metrics").then().statusCode(200).extract()
                .asString();
    }

    private static List<String> lines(String exported, String naming) {
        return exported.lines().filter(line -> line.contains(naming)).toList();
    }
}

package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** The gateway's one document for the whole public API, built from the running services' documents. */
class ApiDocumentIT {

    @Test
    void describesEveryServicesPublicPathsAndNoInternalOnes() {
        given().get(RunningSystem.GATEWAY + "/q/openapi").then().statusCode(200)
                .body("$", not(hasKey("x-unavailable-services")))
                .body("paths", hasKey("/api/licensing/licenses"))
                .body("paths", hasKey("/api/users"))
                .body("paths", hasKey("/api/me"))
                .body("paths", hasKey("/api/sections/{code}/records"))
                .body("paths", hasKey("/api/me/quota"))
                .body("paths", not(hasKey("/internal/subjects/{subject}")))
                .body("paths.'/api/sections/{code}/records'.get.responses", hasKey("429"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get(RunningSystem.GATEWAY + "/q/swagger-ui/").then().statusCode(200);
    }
}

package org.portal.gateway.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiDocumentTest {

    @BeforeAll
    static void servicesDocuments() {
        server().stubFor(get(urlPathEqualTo("/q/openapi")).willReturn(json(200, """
                {"openapi":"3.1.0","info":{"title":"a service","version":"1"},
                 "paths":{
                   "/api/sections/{code}/records":{"get":{"responses":{"200":{"description":"A page"},
                                                                      "404":{"description":"No such section"}},
                                                         "security":[{"SecurityScheme":[]}]}},
                   "/api/licensing/catalogue":{"get":{"responses":{"200":{"description":"The catalogue",
                       "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
                   "/internal/secret":{"get":{"responses":{"200":{"description":"never public",
                       "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Secret"}}}}}}}},
                 "webhooks":{"record.created":{"post":{"requestBody":{"content":{"application/json":
                     {"schema":{"$ref":"#/components/schemas/Thing"}}}},"responses":{"200":{"description":"Acknowledged"}}}}},
                 "components":{"schemas":{"Thing":{"type":"object","properties":{"part":{"$ref":"#/components/schemas/Part"}}},
                                          "Part":{"type":"string"},"Secret":{"type":"object"}}},
                 "tags":[{"name":"Records"}]}""")));
    }

    @Test
    void oneDocumentDescribesTheWholePublicApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("paths", hasKey("/api/sections/{code}/records"))
                .body("paths", hasKey("/api/licensing/catalogue"))
                .body("paths", hasKey("/api/me/quota"))
                .body("paths", not(hasKey("/internal/secret")))
                .body("components.schemas", hasKey("Thing"))
                .body("components.schemas", hasKey("Part"))
                .body("components.schemas", not(hasKey("Secret")))
                .body("webhooks", hasKey("record.created"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.oidc.openIdConnectUrl", notNullValue());
    }

    @Test
    void countedPathsDescribeTheQuota() {
        given().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/sections/{code}/records'.get.responses.'429'.headers", hasKey("Retry-After"))
                .body("paths.'/api/sections/{code}/records'.get.responses.'200'.headers", hasKey("RateLimit"))
                .body("paths.'/api/sections/{code}/records'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/licensing/catalogue'.get.responses.'429'.description", containsString("burst-limited"))
                .body("paths.'/api/licensing/catalogue'.get.responses.'200'.headers.RateLimit.description",
                        containsString("burst"))
                .body("paths.'/api/licensing/catalogue'.get.responses.'401'.headers", hasKey("RateLimit-Policy"))
                .body("paths.'/api/licensing/catalogue'.get.responses.'500'.headers", nullValue())
                .body("paths.'/api/licensing/catalogue'.get.responses", hasKey("500"));
    }
}

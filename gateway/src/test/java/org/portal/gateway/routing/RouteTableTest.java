package org.portal.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which paths count against the daily quota: the pipeline and the API document both follow this. */
class RouteTableTest {

    @ParameterizedTest(name = "{0} counted: {1}")
    @CsvSource({
            "/api/sections/cases/records, true",
            "/api/sections/{code}/records/{id}/comments, true",
            "/api/sections/knowledge-base/search, true",
            "/api/approvals, true",
            "/api/approvals/{id}/decision, true",
            "/api/sections, false",
            "/api/main-page, false",
            "/api/admin/sections/cases, false",
            "/api/me, false",
            "/api/admin/notifications, false",
            "/api/admin/webhooks, false",
            "/api/me/quota, false",
            "/api/usage/users/{userId}, false",
            "/api/licensing/licenses, false",
            "/internal/sections, false",
            "/api/sectionsx, false" })
    void countsSectionDataOnly(String path, boolean counted) {
        assertEquals(counted, RouteTable.counted(path));
    }

    @ParameterizedTest(name = "{0} {1} is an upload: {2}")
    @CsvSource({
            "POST, /api/sections/cases/records/42/attachments, true",
            "POST, /api/sections/contracts/records/42/attachments, true",
            "GET, /api/sections/cases/records/42/attachments, false",
            "POST, /api/sections/cases/records/42/comments, false",
            "POST, /api/sections/cases/records, false",
            "POST, /api/sections/cases/records/42/attachments/7, false" })
    void onlyAFileUploadToARecordMayBeLarge(String method, String path, boolean upload) {
        assertEquals(upload, RouteTable.isUpload(method, path));
    }
}

package org.muster.alerts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Every staff endpoint against a missing token (401) and a role too weak (403). */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "alerts"))
class RolesTest {

    private static final String ID = UUID.randomUUID().toString();

    /** Reads: consular-viewer. */
    private static final List<String> READS = List.of("/advisories", "/advisories/" + ID, "/advisories/" + ID + "/versions",
            "/advisories/" + ID + "/versions/1", "/campaigns", "/campaigns/" + ID, "/campaigns/" + ID + "/preview",
            "/campaigns/" + ID + "/progress");

    /** Writes: consular-officer. Method and path. */
    private static final List<String[]> WRITES = List.of(new String[]{"POST", "/advisories"}, new String[]{"PUT", "/advisories/" + ID},
            new String[]{"POST", "/advisories/" + ID + "/cancel"}, new String[]{"POST", "/advisories/" + ID + "/supersede"},
            new String[]{"POST", "/campaigns"}, new String[]{"POST", "/campaigns/" + ID + "/launch"},
            new String[]{"POST", "/campaigns/" + ID + "/approve"}, new String[]{"POST", "/campaigns/" + ID + "/pause"},
            new String[]{"POST", "/campaigns/" + ID + "/resume"}, new String[]{"POST", "/campaigns/" + ID + "/cancel"});

    @Test
    void without_a_token_every_staff_endpoint_answers_401() {
        READS.forEach(path -> given().get(path).then().statusCode(401));
        WRITES.forEach(w -> given().contentType(ContentType.JSON).body("{}").request(w[0], w[1]).then().statusCode(401));
    }

    @Test
    @TestSecurity(user = "amina", roles = "citizen")
    void a_citizen_is_refused_every_staff_endpoint() {
        READS.forEach(path -> given().get(path).then().statusCode(403));
        WRITES.forEach(w -> given().contentType(ContentType.JSON).body("{}").request(w[0], w[1]).then().statusCode(403));
    }

    @Test
    @TestSecurity(user = "partner-fr", roles = "partner-embassy")
    void a_partner_embassy_is_refused_every_staff_endpoint() {
        READS.forEach(path -> given().get(path).then().statusCode(403));
        WRITES.forEach(w -> given().contentType(ContentType.JSON).body("{}").request(w[0], w[1]).then().statusCode(403));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_reads_but_writes_nothing() {
        given().get("/advisories").then().statusCode(200);
        given().get("/campaigns").then().statusCode(200);
        WRITES.forEach(w -> given().contentType(ContentType.JSON).body("{}").request(w[0], w[1]).then().statusCode(403));
    }

    @Test
    void the_public_feeds_need_no_token() {
        given().get("/public/advisories/feed.atom").then().statusCode(200);
    }
}

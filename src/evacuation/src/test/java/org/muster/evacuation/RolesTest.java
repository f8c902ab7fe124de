package org.muster.evacuation;

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

/** Every endpoint against each role: no token 401, a role too weak 403. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
class RolesTest {

    private static final String F = "/flights/" + UUID.randomUUID();
    private static final String E = UUID.randomUUID().toString();

    /** Endpoints a viewer may read. */
    private static final List<String> READS = List.of("/flights", F, F + "/manifest", F + "/manifest/" + E,
            "/assembly-points", "/assembly-points/" + E);

    /** Endpoints only an officer may use: method and path. */
    private static final List<String[]> WRITES = List.of(
            new String[] {"POST", "/flights"}, new String[] {"PUT", F}, new String[] {"PUT", F + "/assembly"},
            new String[] {"POST", F + "/status"}, new String[] {"POST", "/assembly-points"},
            new String[] {"PUT", "/assembly-points/" + E}, new String[] {"GET", "/assembly-points/" + E + "/audit"},
            new String[] {"POST", "/allocations/preview"},
            new String[] {"POST", "/allocations"}, new String[] {"POST", F + "/manifest"},
            new String[] {"GET", F + "/manifest/audit"}, new String[] {"POST", F + "/manifest/" + E + "/move"},
            new String[] {"POST", F + "/manifest/" + E + "/offload"}, new String[] {"PUT", F + "/manifest/" + E + "/document"},
            new String[] {"POST", F + "/confirmations"}, new String[] {"POST", F + "/check-in"},
            new String[] {"POST", F + "/check-in/" + E}, new String[] {"POST", F + "/boarding"},
            new String[] {"POST", F + "/boarding/" + E},
            new String[] {"GET", F + "/exports/manifest.csv"}, new String[] {"GET", F + "/exports/manifest.pdf"},
            new String[] {"GET", F + "/exports/paxlst"});

    @Test
    void without_a_token_every_endpoint_answers_401() {
        READS.forEach(path -> given().get(path).then().statusCode(401));
        WRITES.forEach(w -> call(w).then().statusCode(401));
    }

    @Test
    @TestSecurity(user = "amina", roles = "citizen")
    void a_citizen_is_refused_everything() {
        READS.forEach(path -> given().get(path).then().statusCode(403));
        WRITES.forEach(w -> call(w).then().statusCode(403));
    }

    @Test
    @TestSecurity(user = "partner-fr", roles = "partner-embassy")
    void a_partner_embassy_is_refused_everything() {
        READS.forEach(path -> given().get(path).then().statusCode(403));
        WRITES.forEach(w -> call(w).then().statusCode(403));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_reads_but_changes_nothing() {
        given().get("/flights").then().statusCode(200);
        given().get("/assembly-points").then().statusCode(200);
        given().get(F).then().statusCode(404);
        WRITES.forEach(w -> call(w).then().statusCode(403));
    }

    private static io.restassured.response.Response call(String[] w) {
        var request = given().contentType(ContentType.JSON).body("{}");
        return switch (w[0]) {
            case "GET" -> given().get(w[1]);
            case "PUT" -> request.put(w[1]);
            default -> request.post(w[1]);
        };
    }
}

package org.muster.registry.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class StaffRegistryTest {

    @Inject
    EntityManager entityManager;

    private static List<String> register(String family) {
        return given().contentType(ContentType.JSON).body(Households.kabulFamily(family))
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void free_text_and_filters_narrow_the_search() {
        String family = "Filter" + UUID.randomUUID().toString().substring(0, 8);
        register(family);

        given().queryParam("q", family.toLowerCase()).get("/nationals")
                .then().statusCode(200).body("items", hasSize(3));
        given().queryParam("q", family).queryParam("vulnerability", "ELDERLY").get("/nationals")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].givenNames", equalTo("Farid"));
        given().queryParam("q", family).queryParam("nationality", "AF").get("/nationals")
                .then().body("items", hasSize(1));
        given().queryParam("q", family).queryParam("region", "AF-KAB").queryParam("welfare", "UNKNOWN")
                .get("/nationals").then().body("items", hasSize(3));
        given().queryParam("q", family).queryParam("region", "AF-BAL").get("/nationals")
                .then().body("items", hasSize(0));
        // Only the registrant has contact points; the others are reached through the household.
        given().queryParam("q", family).queryParam("reachable", true).get("/nationals")
                .then().body("items", hasSize(1)).body("items[0].givenNames", equalTo("Laila"));
        given().queryParam("q", family).queryParam("reachable", false).get("/nationals")
                .then().body("items", hasSize(2)).body("items.reachable", everyItem(equalTo(false)));
        given().queryParam("q", family).queryParam("evacuation", "NOT_REQUESTED").get("/nationals")
                .then().body("items", hasSize(3));
        given().queryParam("q", family).queryParam("evacuation", "REQUESTED").get("/nationals")
                .then().body("items", hasSize(0));
        // A language in any casing finds those who read it.
        given().queryParam("q", family).queryParam("language", "fa-af").get("/nationals")
                .then().body("items", hasSize(3));
        given().queryParam("q", family).queryParam("language", "en").get("/nationals")
                .then().body("items", hasSize(0));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void pages_follow_each_other_without_gaps_or_repeats() {
        String prefix = "Page" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 4; i++) {
            register(prefix + i);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", prefix).queryParam("limit", 5);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/nationals").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            after = page.path("next");
            pages++;
        } while (after != null);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_cursor_that_was_not_given_out_is_a_400_naming_it() {
        given().queryParam("after", "nonsense").get("/nationals")
                .then().statusCode(400).body("errors[0].field", equalTo("after"))
                .body("errors[0].pointer", nullValue());
        given().queryParam("welfare", "FINE").get("/nationals").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "officer-amina", roles = "consular-viewer")
    void reading_a_record_shows_documents_to_staff_and_is_audited() {
        String id = register("Audit" + UUID.randomUUID().toString().substring(0, 6)).get(0);

        given().get("/nationals/" + id).then().statusCode(200)
                .body("documents", hasSize(1))
                .body("contactPoints", hasSize(2));

        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM audit_entry WHERE actor = 'officer-amina' AND action = 'READ' "
                                + "AND national_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult())
                .longValue());
        assertThat(entries).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "officer-amina", roles = {"consular-officer", "consular-viewer"})
    void the_welfare_history_lists_each_report_newest_first_and_reading_it_is_audited() {
        String id = register("Welfare" + UUID.randomUUID().toString().substring(0, 8)).get(0);
        int version = given().get("/nationals/" + id).then().statusCode(200).extract().path("version");
        given().contentType(ContentType.JSON).body(Map.of("status", "NEEDS_HELP", "version", version))
                .put("/nationals/" + id + "/welfare").then().statusCode(200);
        version = given().get("/nationals/" + id).then().extract().path("version");
        given().contentType(ContentType.JSON).body(Map.of("status", "SAFE", "version", version))
                .put("/nationals/" + id + "/welfare").then().statusCode(200);

        given().get("/nationals/" + id + "/welfare").then().statusCode(200)
                .body("status", contains("SAFE", "NEEDS_HELP"))
                .body("source", everyItem(org.hamcrest.Matchers.containsString("officer-amina")));
        given().get("/nationals/" + UUID.randomUUID() + "/welfare").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void an_unknown_id_is_a_404_problem() {
        given().get("/nationals/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void counts_per_region_and_status_include_new_registrations() {
        int before = kabulUnknownNotRequested();
        register("Count" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(kabulUnknownNotRequested()).isEqualTo(before + 3);
    }

    private static int kabulUnknownNotRequested() {
        List<Integer> counts = given().get("/nationals/counts").then().statusCode(200).extract()
                .path("findAll { it.region == 'AF-KAB' && it.welfareStatus == 'UNKNOWN' "
                        + "&& it.evacuationStatus == 'NOT_REQUESTED' }.count");
        return counts.isEmpty() ? 0 : counts.get(0);
    }
}

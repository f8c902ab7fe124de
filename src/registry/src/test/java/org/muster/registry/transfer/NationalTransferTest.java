package org.muster.registry.transfer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class NationalTransferTest {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HEADER = "external_id,given_names,family_name,date_of_birth,nationality,"
            + "preferred_language,country,region,city,phone,email,document_type,document_number,"
            + "document_issuing_country,vulnerabilities,household_ref\n";
    private static final String PASHTO_NAME = "ملالۍ";

    @Inject
    EntityManager entityManager;

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Lines 2 to 4 are valid (2 and 3 one household, with a Pashto given name and a comma in a
     * city); line 5 names an unknown region, line 6 an impossible date.
     */
    private static String consularFile(String family, String ids) {
        String household = "H-" + ids;
        return HEADER
                + ids + "-1," + PASHTO_NAME + "," + family + ",1984-03-01,AF,ps,AF,AF-KAB,\"Kabul, Wazir Akbar Khan\","
                + "0700 123 456,Malalai." + family + "@Example.org,PASSPORT," + Households.passport() + ",AF,,"
                + household + "\n"
                + ids + "-2,Omid," + family + ",2016-07-20,GB,fa-AF,AF,AF-KAB,Kabul,,,PASSPORT,"
                + Households.passport() + ",GB,UNACCOMPANIED_MINOR;MEDICAL," + household + "\n"
                + ids + "-3,Farid," + family + ",1950-02-02,AF,fa-AF,AF,AF-BAL,Mazar-i-Sharif,,,,,,ELDERLY,\n"
                + ids + "-4,Zahra," + family + ",1990-05-05,AF,fa-AF,AF,AF-ZZZ,Kabul,,,,,,,\n"
                + ids + "-5,Nasir," + family + ",1990-13-45,AF,fa-AF,AF,AF-KAB,Kabul,,,,,,,\n";
    }

    private static io.restassured.response.ValidatableResponse importFile(String csv) {
        return given().contentType(CSV).body(csv).post("/nationals/import").then();
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void valid_rows_are_imported_and_each_bad_row_is_reported_with_its_line_and_column() {
        String family = "Import" + suffix();
        importFile(consularFile(family, suffix())).statusCode(200)
                .body("imported", equalTo(3))
                .body("unchanged", equalTo(0))
                .body("rejected", hasSize(2))
                .body("rejected.line", containsInAnyOrder(5, 6))
                .body("rejected.find { it.line == 5 }.field", equalTo("region"))
                .body("rejected.find { it.line == 6 }.field", equalTo("date_of_birth"));

        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1", family)).isEqualTo(3);
        assertThat(count("SELECT count(DISTINCT household_id) FROM national WHERE family_name = ?1", family))
                .as("the two rows sharing a household_ref are one household, the third its own").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1 AND registered_by = 'officer' "
                + "AND consent_version = 'import'", family)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_entry a JOIN national n ON n.id = a.national_id "
                + "WHERE n.family_name = ?1 AND a.action = 'IMPORTED' AND a.actor = 'officer'", family)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM contact_point c JOIN national n ON n.id = c.national_id "
                + "WHERE n.family_name = ?1 AND ((c.channel = 'SMS' AND c.address = '+93700123456') "
                + "OR (c.channel = 'EMAIL' AND c.address = lower(n.given_names || '.' || n.family_name) "
                + "|| '@example.org'))", family)).as("the phone in E.164 as SMS, the email lower-cased")
                .isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1 AND given_names = 'Omid' "
                + "AND vulnerabilities = ARRAY['UNACCOMPANIED_MINOR','MEDICAL']", family)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void importing_the_same_file_again_changes_nothing() {
        String family = "Again" + suffix();
        String file = consularFile(family, suffix());
        importFile(file).statusCode(200).body("imported", equalTo(3));

        importFile(file).statusCode(200)
                .body("imported", equalTo(0))
                .body("unchanged", equalTo(3))
                .body("rejected.line", containsInAnyOrder(5, 6));
        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1", family)).isEqualTo(3);
    }

    @Test
    @TestSecurity(user = "admin", roles = {"consular-admin", "consular-officer", "consular-viewer"})
    void importing_the_file_again_neither_brings_back_an_erased_person_nor_remakes_a_merged_duplicate() {
        String family = "Erased" + suffix();
        String ids = suffix();
        String file = consularFile(family, ids);
        importFile(file).statusCode(200).body("imported", equalTo(3));
        UUID malalai = nationalOf(ids + "-1");
        UUID omid = nationalOf(ids + "-2");
        UUID farid = nationalOf(ids + "-3");

        given().delete("/nationals/" + malalai).then().statusCode(204);
        int version = given().get("/nationals/" + omid).then().statusCode(200).extract().path("version");
        given().contentType(ContentType.JSON).body(java.util.Map.of("duplicateId", farid.toString(), "version", version))
                .post("/nationals/" + omid + "/merge").then().statusCode(200);

        importFile(file).statusCode(200)
                .body("imported", equalTo(0))
                .body("unchanged", equalTo(2))
                .body("rejected.line", containsInAnyOrder(2, 5, 6))
                .body("rejected.find { it.line == 2 }.message", containsString("erased"));
        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1", family)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM imported_record WHERE external_id = ?1 AND row_hash = 'erased' "
                + "AND national_id IS NULL", ids + "-1")).isEqualTo(1);
    }

    private UUID nationalOf(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "SELECT national_id FROM imported_record WHERE external_id = ?1").setParameter(1, externalId)
                .getSingleResult());
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void a_record_imported_before_with_other_values_is_rejected_not_duplicated() {
        String family = "Changed" + suffix();
        String id = "X-" + suffix();
        importFile(HEADER + id + ",Laila," + family + ",1986-04-12,GB,en,AF,AF-KAB,Kabul,,,,,,,\n")
                .statusCode(200).body("imported", equalTo(1));

        importFile(HEADER + id + ",Laila," + family + ",1986-04-12,GB,en,AF,AF-HER,Herat,,,,,,,\n")
                .statusCode(200).body("imported", equalTo(0))
                .body("rejected[0].line", equalTo(2)).body("rejected[0].field", equalTo("external_id"));
        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1", family)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void a_document_registered_to_someone_else_rejects_the_row_and_leaves_nothing_behind() {
        String family = "Taken" + suffix();
        String passport = Households.passport();
        given().contentType(ContentType.JSON).body(Households.kabulFamily("Owner" + suffix(), passport, "0700 123 456"))
                .post("/public/registrations").then().statusCode(201);

        importFile(HEADER + "T-" + suffix() + ",Laila," + family + ",1986-04-12,GB,en,AF,AF-KAB,Kabul,,,"
                + "PASSPORT," + passport.toLowerCase() + ",GB,,H-" + suffix() + "\n")
                .statusCode(200).body("imported", equalTo(0))
                .body("rejected[0].line", equalTo(2)).body("rejected[0].field", equalTo("document_number"));
        assertThat(count("SELECT count(*) FROM national WHERE family_name = ?1", family)).isZero();
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void imported_people_are_found_by_the_staff_search() {
        String family = "Found" + suffix();
        importFile(consularFile(family, suffix())).statusCode(200).body("imported", equalTo(3));

        given().queryParam("q", family).get("/nationals").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.givenNames", containsInAnyOrder(PASHTO_NAME, "Omid", "Farid"));
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void the_export_holds_the_imported_people_and_reads_back_as_csv() throws IOException {
        String family = "Export" + suffix();
        String ids = suffix();
        importFile(consularFile(family, ids)).statusCode(200).body("imported", equalTo(3));

        String exported = given().get("/nationals/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(exported),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(RecordColumns.ALL);
            rows = parser.getRecords().stream().filter(r -> family.equals(r.get("family_name"))).toList();
        }
        assertThat(rows).extracting(r -> r.get("external_id"))
                .containsExactlyInAnyOrder(ids + "-1", ids + "-2", ids + "-3");
        CSVRecord malalai = rows.stream().filter(r -> r.get("external_id").equals(ids + "-1")).findFirst().orElseThrow();
        assertThat(malalai.get("given_names")).isEqualTo(PASHTO_NAME);
        assertThat(malalai.get("city")).isEqualTo("Kabul, Wazir Akbar Khan");
        assertThat(malalai.get("phone")).isEqualTo("+93700123456");
        assertThat(malalai.get("household_ref")).isEqualTo("H-" + ids);
        CSVRecord omid = rows.stream().filter(r -> r.get("external_id").equals(ids + "-2")).findFirst().orElseThrow();
        assertThat(omid.get("vulnerabilities")).isEqualTo("UNACCOMPANIED_MINOR;MEDICAL");
        assertThat(omid.get("household_ref")).isEqualTo("H-" + ids);

        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'EXPORTED' AND actor = ?1", "officer"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void an_address_that_starts_like_a_formula_is_exported_as_text_and_imports_back_unchanged() {
        String family = "Formula" + suffix();
        String id = "F-" + suffix();
        importFile(HEADER + id + ",Nadia," + family + ",1990-01-01,AF,,AF,AF-KAB,,,-nadia@example.org,,,,,\n")
                .statusCode(200).body("imported", equalTo(1));

        String exported = given().get("/nationals/export").then().statusCode(200).extract().asString();
        String row = exported.lines().filter(l -> l.contains("," + family + ",")).findFirst().orElseThrow();
        assertThat(row).contains(",'-nadia@example.org,");

        importFile(HEADER + row + "\n").statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(1))
                .body("rejected", hasSize(0));
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void the_export_of_imported_people_imported_again_changes_nothing() {
        String family = "Round" + suffix();
        importFile(consularFile(family, suffix())).statusCode(200).body("imported", equalTo(3));
        String exported = given().get("/nationals/export").then().statusCode(200).extract().asString();
        String ours = exported.lines().filter(l -> l.startsWith("external_id") || l.contains("," + family + ","))
                .reduce("", (a, b) -> a + b + "\n");

        importFile(ours).statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(3))
                .body("rejected", hasSize(0));
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void a_file_without_the_family_name_column_is_a_400_problem_and_imports_nothing() {
        String id = "N-" + suffix();
        importFile("external_id,given_names,date_of_birth,nationality,country,region\n"
                + id + ",Laila,1986-04-12,GB,AF,AF-KAB\n")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("family_name"));
        assertThat(count("SELECT count(*) FROM imported_record WHERE external_id = ?1", id)).isZero();
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void a_file_with_more_than_ten_thousand_rows_is_a_413_problem() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i <= NationalImport.MAX_ROWS; i++) {
            file.append("Big-").append(i).append(",A,B,1990-01-01,AF,,AF,AF-KAB,,,,,,,,\n");
        }
        importFile(file.toString()).statusCode(413).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void a_viewer_may_neither_import_nor_export() {
        importFile(HEADER).statusCode(403);
        given().get("/nationals/export").then().statusCode(403);
    }

    @Test
    void without_a_token_import_and_export_answer_401() {
        importFile(HEADER).statusCode(401);
        given().get("/nationals/export").then().statusCode(401);
    }
}

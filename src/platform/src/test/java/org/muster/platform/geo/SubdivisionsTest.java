package org.muster.platform.geo;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubdivisionsTest {

    private static final List<String> AFGHAN_PROVINCES = List.of(
            "AF-BDS", "AF-BDG", "AF-BGL", "AF-BAL", "AF-BAM", "AF-DAY", "AF-FRA", "AF-FYB", "AF-GHA", "AF-GHO",
            "AF-HEL", "AF-HER", "AF-JOW", "AF-KAB", "AF-KAN", "AF-KAP", "AF-KHO", "AF-KNR", "AF-KDZ", "AF-LAG",
            "AF-LOG", "AF-NAN", "AF-NIM", "AF-NUR", "AF-PAN", "AF-PAR", "AF-PIA", "AF-PKA", "AF-SAM", "AF-SAR",
            "AF-TAK", "AF-URU", "AF-WAR", "AF-ZAB");

    private final Subdivisions subdivisions = Subdivisions.bundled();

    @Test
    void every_afghan_province_is_present_and_there_are_exactly_34() {
        assertThat(subdivisions.inCountry("AF")).extracting(Subdivision::code)
                .containsExactlyInAnyOrderElementsOf(AFGHAN_PROVINCES);
        assertThat(subdivisions.inCountry("AF")).hasSize(34).allSatisfy(s -> assertThat(s.type()).isEqualTo("province"));
    }

    @Test
    void kabul_is_found_with_its_country_name_and_type() {
        assertThat(subdivisions.find("AF-KAB")).contains(new Subdivision("AF-KAB", "AF", "Kabul", "province"));
        assertThat(subdivisions.exists("af-kab")).isTrue();
    }

    @Test
    void the_neighbouring_and_transit_countries_are_covered() {
        Map<String, Long> perCountry = subdivisions.countries().stream()
                .collect(Collectors.toMap(c -> c, c -> (long) subdivisions.inCountry(c).size()));
        assertThat(perCountry).containsAllEntriesOf(Map.of(
                "AF", 34L, "PK", 7L, "TJ", 5L, "UZ", 14L, "QA", 8L, "FR", 13L, "DE", 16L));
        assertThat(subdivisions.find("FR-IDF")).map(Subdivision::name).contains("Île-de-France");
        assertThat(subdivisions.find("DE-TH")).map(Subdivision::name).contains("Thüringen");
        assertThat(subdivisions.find("PK-IS")).map(Subdivision::type).contains("federal capital territory");
    }

    @Test
    void an_unknown_region_does_not_exist() {
        assertThat(subdivisions.exists("AF-XYZ")).isFalse();
        assertThat(subdivisions.find("AF-XYZ")).isEmpty();
        assertThat(subdivisions.exists("")).isFalse();
        assertThat(subdivisions.exists(null)).isFalse();
        assertThat(subdivisions.belongsTo("AF-XYZ", "AF")).isFalse();
    }

    @Test
    void a_region_of_another_country_does_not_belong() {
        assertThat(subdivisions.belongsTo("AF-KAB", "AF")).isTrue();
        assertThat(subdivisions.belongsTo("PK-PB", "AF")).isFalse();
        assertThat(subdivisions.belongsTo("AF-KAB", "PK")).isFalse();
        assertThat(subdivisions.belongsTo("AF-KAB", null)).isFalse();
    }

    @Test
    void a_country_without_data_has_no_subdivisions() {
        assertThat(subdivisions.inCountry("BR")).isEmpty();
        assertThat(subdivisions.inCountry(null)).isEmpty();
    }

    @Test
    void every_row_is_of_its_own_country() {
        assertThat(subdivisions.size()).isEqualTo(97);
        subdivisions.countries().forEach(country -> {
            assertThat(Countries.isValid(country)).isTrue();
            assertThat(subdivisions.inCountry(country))
                    .allSatisfy(s -> assertThat(s.code()).startsWith(country + "-"));
        });
    }

    @Test
    void malformed_data_is_refused_when_loaded() {
        assertThatThrownBy(() -> read("code,name\nAF-KAB,Kabul\n")).hasMessageContaining("header");
        assertThatThrownBy(() -> read("code,country,name,type\nAF-KAB,AF,Kabul\n")).hasMessageContaining("4 columns");
        assertThatThrownBy(() -> read("code,country,name,type\nPK-PB,AF,Punjab,province\n"))
                .hasMessageContaining("not a subdivision code of AF");
        assertThatThrownBy(() -> read("code,country,name,type\nXX-AB,XX,Nowhere,province\n"))
                .hasMessageContaining("unknown country");
        assertThatThrownBy(() -> read("code,country,name,type\nAF-KAB,AF,Kabul,province\nAF-KAB,AF,Kabul,province\n"))
                .hasMessageContaining("duplicate");
    }

    private static Subdivisions read(String csv) {
        return Subdivisions.read(new StringReader(csv));
    }
}

package org.muster.alerts.campaign;

import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;

import java.util.List;

/**
 * Who a campaign is for; an empty list does not filter. A person matches every filter given
 * (regions AND welfare AND ...); within one filter any value matches.
 *
 * @param vulnerabilities people with at least one of these
 * @param languages BCP 47 preferred languages
 * @param wholeHouseholds also everyone who travels with a person matched, wherever they are
 * @param countries ISO 3166-1 codes of the countries people are in: a whole country, including those who
 *                  gave no region
 */
public record AudienceFilter(List<String> regions, List<WelfareStatus> welfare, List<EvacuationStatus> evacuation,
                             List<Vulnerability> vulnerabilities, List<String> languages, boolean wholeHouseholds,
                             List<String> countries) {

    public AudienceFilter {
        regions = regions == null ? List.of() : List.copyOf(regions);
        welfare = welfare == null ? List.of() : List.copyOf(welfare);
        evacuation = evacuation == null ? List.of() : List.copyOf(evacuation);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        languages = languages == null ? List.of() : List.copyOf(languages);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}

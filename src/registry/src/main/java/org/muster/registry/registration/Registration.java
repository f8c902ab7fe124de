package org.muster.registry.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.Vulnerability;

import java.time.LocalDate;
import java.util.List;

/**
 * What a citizen sends to register themselves and the people who travel with them. The first
 * person is the registrant; the location and contacts are the household's.
 */
public record Registration(
        @NotNull @Valid Person registrant,
        @Size(max = 20) List<@NotNull @Valid Person> household,
        @NotNull @Valid Location location,
        @NotEmpty @Size(max = 6) List<@NotNull @Valid Contact> contacts,
        @NotNull @Valid Consent consent) {

    public List<Person> household() {
        return household == null ? List.of() : household;
    }

    public record Person(
            @NotBlank @Size(max = 100) String givenNames,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB") String nationality,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or fa-AF")
            String preferredLanguage,
            @Valid Document document,
            @Size(max = 7) List<@NotNull Vulnerability> vulnerabilities,
            @Size(max = 500) String vulnerabilityNotes) {

        public List<Vulnerability> vulnerabilities() {
            return vulnerabilities == null ? List.of() : vulnerabilities;
        }
    }

    public record Document(
            @NotNull @Pattern(regexp = "PASSPORT|ID_CARD|TRAVEL_DOCUMENT|RESIDENCE_PERMIT",
                    message = "must be PASSPORT, ID_CARD, TRAVEL_DOCUMENT or RESIDENCE_PERMIT") String type,
            @NotBlank @Pattern(regexp = "(?=(?:[ -]*[A-Za-z0-9]){3})[A-Za-z0-9 -]{3,20}",
                    message = "must be 3 to 20 characters with at least 3 letters or digits (spaces and hyphens are ignored)")
            String number,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String issuingCountry,
            LocalDate expiresOn) {
    }

    public record Location(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotNull @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code such as AF-KAB") String region,
            @Size(max = 100) String city,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    public record Contact(@NotNull Channel channel, @NotBlank @Size(max = 254) String address) {
    }

    public record Consent(@NotBlank @Size(max = 20) String version, @AssertTrue(message = "must be given to register") boolean given) {
    }
}

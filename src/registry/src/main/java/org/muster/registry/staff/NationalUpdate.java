package org.muster.registry.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.registry.registration.Registration;

import java.time.LocalDate;
import java.util.List;

/**
 * An officer's correction of one person's record, against the version they read: every field
 * given replaces what is held (contacts, documents and welfare have their own ways).
 */
public record NationalUpdate(
        @NotNull Long version,
        @NotBlank @Size(max = 100) String givenNames,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB") String nationality,
        @NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en or fa-AF")
        String preferredLanguage,
        @NotNull @Valid Registration.Location location,
        @Size(max = 7) List<@NotNull Vulnerability> vulnerabilities,
        @Size(max = 500) String vulnerabilityNotes,
        EvacuationStatus evacuationStatus) {

    public List<Vulnerability> vulnerabilities() {
        return vulnerabilities == null ? List.of() : vulnerabilities;
    }
}

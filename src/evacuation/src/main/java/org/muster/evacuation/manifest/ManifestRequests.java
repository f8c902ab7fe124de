package org.muster.evacuation.manifest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** What officers send to change a manifest by hand. Every change says why. */
public final class ManifestRequests {

    private ManifestRequests() {
    }

    /** Put a person on the flight by hand (a household member alone, someone the allocation left out). */
    public record Add(@NotNull UUID nationalId, @NotBlank @Size(max = 500) String reason) {
    }

    /** Move an entry, and by default the rest of its household on the flight, to another flight. */
    public record Move(@NotNull UUID toFlightId, Boolean wholeHousehold, @NotBlank @Size(max = 500) String reason) {
        public boolean household() {
            return wholeHousehold == null || wholeHousehold;
        }
    }

    /** Take a passenger off the flight. */
    public record Offload(@NotBlank @Size(max = 500) String reason) {
    }

    /** The travel document the passenger will show at the control point (read from it, or over the phone). */
    public record Document(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9]{1,20}$", message = "must be 1 to 20 letters or digits")
            String documentNumber,
            @Pattern(regexp = "^[A-Z]{1,2}$", message = "must be an ICAO document code such as P or ID") String documentType,
            @NotNull @Pattern(regexp = "^[A-Z]{1,3}$", message = "must be the ICAO code of the issuing state, e.g. UTO or D")
            String issuingState,
            @NotBlank @Size(max = 100) String surname,
            @Size(max = 100) String givenNames,
            @NotNull @Past LocalDate dateOfBirth) {
    }
}

package org.muster.platform.contact;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of normalisation over libphonenumber's own example numbers for every region it knows. */
class PhoneNumbersPropertyTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = UTIL.getSupportedRegions().stream().sorted().toList();

    @Property
    void any_valid_e164_mobile_normalises_to_itself_from_any_region(
            @ForAll("exampleMobiles") PhoneNumber mobile, @ForAll("regions") String anywhere) {
        String e164 = UTIL.format(mobile, PhoneNumberFormat.E164);

        PhoneNumberResult result = PhoneNumbers.normalise(e164, anywhere);

        assertThat(result).isInstanceOf(PhoneNumberResult.Accepted.class);
        PhoneNumberResult.Accepted accepted = (PhoneNumberResult.Accepted) result;
        assertThat(accepted.e164()).isEqualTo(e164);
        assertThat(accepted.isLikelyMobile()).isTrue();
    }

    @Property
    void a_mobile_typed_in_national_form_in_its_own_region_becomes_its_e164(@ForAll("regionsWithMobiles") String region) {
        PhoneNumber mobile = UTIL.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        String national = UTIL.format(mobile, PhoneNumberFormat.NATIONAL);

        assertThat(PhoneNumbers.toE164(national, region)).contains(UTIL.format(mobile, PhoneNumberFormat.E164));
    }

    @Property
    void normalisation_is_idempotent(@ForAll("typed") String typed, @ForAll("regions") String region,
                                     @ForAll("regions") String elsewhere) {
        PhoneNumberResult once = PhoneNumbers.normalise(typed, region);
        if (once instanceof PhoneNumberResult.Accepted accepted) {
            assertThat(PhoneNumbers.normalise(accepted.e164(), region)).isEqualTo(accepted);
            assertThat(PhoneNumbers.normalise(accepted.e164(), elsewhere)).isEqualTo(accepted);
        }
    }

    @Property
    void any_input_is_accepted_or_rejected_never_thrown(@ForAll String anything, @ForAll("regions") String region) {
        PhoneNumberResult result = PhoneNumbers.normalise(anything, region);
        if (result instanceof PhoneNumberResult.Accepted accepted) {
            assertThat(accepted.e164()).matches("\\+[1-9]\\d{1,14}");
        } else {
            assertThat(((PhoneNumberResult.Rejected) result).reason()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(REGIONS);
    }

    @Provide
    Arbitrary<String> regionsWithMobiles() {
        return Arbitraries.of(REGIONS.stream()
                .filter(r -> UTIL.getExampleNumberForType(r, PhoneNumberType.MOBILE) != null)
                .toList());
    }

    @Provide
    Arbitrary<PhoneNumber> exampleMobiles() {
        return Arbitraries.of(REGIONS.stream()
                .map(r -> UTIL.getExampleNumberForType(r, PhoneNumberType.MOBILE))
                .filter(Objects::nonNull)
                .toList());
    }

    /** Example numbers of all kinds, typed nationally, internationally or in E.164, plus digit noise. */
    @Provide
    Arbitrary<String> typed() {
        Arbitrary<PhoneNumber> examples = Arbitraries.of(REGIONS).flatMap(region -> Arbitraries.of(PhoneNumberType.values())
                        .map(type -> UTIL.getExampleNumberForType(region, type)))
                .filter(Objects::nonNull);
        Arbitrary<String> formatted = examples.flatMap(n -> Arbitraries.of(PhoneNumberFormat.values())
                .map(f -> UTIL.format(n, f)));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789+ -()").ofMinLength(1).ofMaxLength(20);
        return Arbitraries.oneOf(formatted, noise);
    }
}

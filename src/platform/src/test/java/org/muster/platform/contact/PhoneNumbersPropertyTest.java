package org.muster.platform.contact;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of normalisation over libphonenumber's own example numbers for every region it
 * knows, and over generated input. Generated cases come from fixed seeds, so a failure reproduces.
 */
class PhoneNumbersPropertyTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = UTIL.getSupportedRegions().stream().sorted().toList();
    private static final List<String> REGIONS_WITH_MOBILES = REGIONS.stream()
            .filter(r -> UTIL.getExampleNumberForType(r, PhoneNumberType.MOBILE) != null)
            .toList();
    private static final int CASES = 1_000;

    /** Every region's example mobile, in E.164, read from a region drawn at random. */
    @ParameterizedTest
    @MethodSource("mobilesAndRegions")
    void any_valid_e164_mobile_normalises_to_itself_from_any_region(String e164, String anywhere) {
        PhoneNumberResult result = PhoneNumbers.normalise(e164, anywhere);

        assertThat(result).isInstanceOf(PhoneNumberResult.Accepted.class);
        PhoneNumberResult.Accepted accepted = (PhoneNumberResult.Accepted) result;
        assertThat(accepted.e164()).isEqualTo(e164);
        assertThat(accepted.isLikelyMobile()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("regionsWithMobiles")
    void a_mobile_typed_in_national_form_in_its_own_region_becomes_its_e164(String region) {
        PhoneNumber mobile = UTIL.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        String national = UTIL.format(mobile, PhoneNumberFormat.NATIONAL);

        assertThat(PhoneNumbers.toE164(national, region)).contains(UTIL.format(mobile, PhoneNumberFormat.E164));
    }

    @ParameterizedTest
    @MethodSource("typedInTwoRegions")
    void normalisation_is_idempotent(String typed, String region, String elsewhere) {
        PhoneNumberResult once = PhoneNumbers.normalise(typed, region);
        if (once instanceof PhoneNumberResult.Accepted accepted) {
            assertThat(PhoneNumbers.normalise(accepted.e164(), region)).isEqualTo(accepted);
            assertThat(PhoneNumbers.normalise(accepted.e164(), elsewhere)).isEqualTo(accepted);
        }
    }

    @ParameterizedTest
    @MethodSource("anythingInARegion")
    void any_input_is_accepted_or_rejected_never_thrown(String anything, String region) {
        PhoneNumberResult result = PhoneNumbers.normalise(anything, region);
        if (result instanceof PhoneNumberResult.Accepted accepted) {
            assertThat(accepted.e164()).matches("\\+[1-9]\\d{1,14}");
        } else {
            assertThat(((PhoneNumberResult.Rejected) result).reason()).isNotBlank();
        }
    }

    static Stream<String> regionsWithMobiles() {
        return REGIONS_WITH_MOBILES.stream();
    }

    static Stream<Arguments> mobilesAndRegions() {
        Random random = new Random(11);
        return REGIONS_WITH_MOBILES.stream().map(region -> Arguments.of(
                UTIL.format(UTIL.getExampleNumberForType(region, PhoneNumberType.MOBILE), PhoneNumberFormat.E164),
                region(random)));
    }

    /** Example numbers of all kinds, typed nationally, internationally or in E.164, and digit noise. */
    static Stream<Arguments> typedInTwoRegions() {
        return IntStream.range(0, CASES).mapToObj(i -> {
            Random random = new Random(20_000L + i);
            return Arguments.of(typed(random), region(random), region(random));
        });
    }

    /** Any characters at all, from the whole of Unicode's basic plane, of any length up to 40. */
    static Stream<Arguments> anythingInARegion() {
        return IntStream.range(0, CASES).mapToObj(i -> {
            Random random = new Random(30_000L + i);
            StringBuilder anything = new StringBuilder();
            int length = random.nextInt(41);
            for (int c = 0; c < length; c++) {
                // digits and phone punctuation often, so that some inputs get deep into parsing
                anything.append(random.nextBoolean()
                        ? "0123456789+ -().#*".charAt(random.nextInt(18))
                        : (char) random.nextInt(0x10000));
            }
            return Arguments.of(anything.toString(), region(random));
        });
    }

    static String typed(Random random) {
        if (random.nextInt(4) == 0) {
            StringBuilder noise = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int c = 0; c < length; c++) {
                noise.append("0123456789+ -()".charAt(random.nextInt(15)));
            }
            return noise.toString();
        }
        PhoneNumber example = null;
        while (example == null) {
            PhoneNumberType type = PhoneNumberType.values()[random.nextInt(PhoneNumberType.values().length)];
            example = UTIL.getExampleNumberForType(region(random), type);
        }
        PhoneNumberFormat format = PhoneNumberFormat.values()[random.nextInt(PhoneNumberFormat.values().length)];
        return UTIL.format(example, format);
    }

    static String region(Random random) {
        return REGIONS.get(random.nextInt(REGIONS.size()));
    }
}

package org.muster.registry.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.muster.registry.national.National;
import org.muster.registry.transfer.ImportSummary;
import org.muster.registry.transfer.NationalImport;
import org.muster.testing.MusterStackResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo crisis of make run loads whole, and loading it again at the next start changes nothing. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class DemoCrisisTest {

    @Inject
    NationalImport imports;

    @Test
    void every_demo_record_is_valid_and_a_second_load_changes_nothing() {
        ImportSummary first = imports.importCsv(DemoCrisis.csv(), DemoCrisis.ACTOR);
        assertThat(first.rejected()).isEmpty();
        assertThat(first.imported() + first.unchanged()).isEqualTo(78);

        ImportSummary second = imports.importCsv(DemoCrisis.csv(), DemoCrisis.ACTOR);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(78);

        List<String> regions = QuarkusTransaction.requiringNew().call(() -> National.<National>list(
                "registeredBy", DemoCrisis.ACTOR).stream().map(n -> n.locationRegion).distinct().sorted().toList());
        assertThat(regions).containsExactly("AF-BAL", "AF-HER", "AF-KAB", "AF-KAN", "AF-NAN");
    }
}

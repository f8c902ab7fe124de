package org.muster.registry.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households written in one group on the real PostgreSQL: one household at fault (a document
 * another household of the same group has) fails alone, and the others are registered whole.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class HouseholdWritesTest {

    @Inject
    RegistrationService registrations;

    @Inject
    HouseholdWrites writes;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Test
    void a_group_with_a_household_at_fault_registers_the_others_and_fails_only_that_one() throws Exception {
        String shared = Households.passport();
        NewHousehold first = checked(Households.kabulFamily("Grouped" + suffix(), shared, "0700 123 456"));
        NewHousehold other = checked(Households.kabulFamily("Grouped" + suffix()));
        // Checked before either was written: only the database's constraint sees the clash.
        NewHousehold clash = checked(Households.kabulFamily("Grouped" + suffix(), shared, "0700 123 457"));

        List<Throwable> failures = writes.writeGroup(List.of(first, clash, other));

        assertThat(failures.get(0)).isNull();
        assertThat(failures.get(2)).isNull();
        assertThat(RegistrationDesk.violatedConstraint(failures.get(1))).isEqualTo(RegistrationDesk.DOCUMENT_ONCE);
        assertThat(peopleOf(first.id())).isEqualTo(3);
        assertThat(peopleOf(other.id())).isEqualTo(3);
        assertThat(peopleOf(clash.id())).isZero();
        assertThat(households(clash.id())).isZero();
    }

    @Test
    void a_group_without_fault_is_one_transaction_for_all() throws Exception {
        NewHousehold a = checked(Households.kabulFamily("Grouped" + suffix()));
        NewHousehold b = checked(Households.kabulFamily("Grouped" + suffix()));

        assertThat(writes.writeGroup(List.of(a, b))).containsExactly(null, null);
        assertThat(peopleOf(a.id()) + peopleOf(b.id())).isEqualTo(6);
    }

    private NewHousehold checked(String body) throws Exception {
        Registration registration = json.readValue(body, Registration.class);
        RegistrationService.Decision decision = QuarkusTransaction.requiringNew()
                .call(() -> registrations.decide(registration, UUID.randomUUID().toString(), "self"));
        assertThat(decision.household()).isNotNull();
        return decision.household();
    }

    private long peopleOf(UUID household) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM national WHERE household_id = ?1").setParameter(1, household)
                .getSingleResult()).longValue());
    }

    private long households(UUID household) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM household WHERE id = ?1").setParameter(1, household)
                .getSingleResult()).longValue());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

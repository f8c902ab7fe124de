package org.muster.notifier.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.contracts.common.DeliveryStatus.CANCELLED;
import static org.muster.contracts.common.DeliveryStatus.DELIVERED;
import static org.muster.contracts.common.DeliveryStatus.FAILED;
import static org.muster.contracts.common.DeliveryStatus.QUEUED;
import static org.muster.contracts.common.DeliveryStatus.READ;
import static org.muster.contracts.common.DeliveryStatus.SENT;
import static org.muster.contracts.common.DeliveryStatus.UNDELIVERED;

class StatusRanksTest {

    @Test
    void forward_only() {
        assertThat(StatusRanks.canMove(QUEUED, SENT)).isTrue();
        assertThat(StatusRanks.canMove(QUEUED, DELIVERED)).isTrue();
        assertThat(StatusRanks.canMove(SENT, UNDELIVERED)).isTrue();
        assertThat(StatusRanks.canMove(DELIVERED, READ)).isTrue();
        assertThat(StatusRanks.canMove(DELIVERED, SENT)).isFalse();
        assertThat(StatusRanks.canMove(DELIVERED, FAILED)).isFalse();
        assertThat(StatusRanks.canMove(FAILED, DELIVERED)).isFalse();
        assertThat(StatusRanks.canMove(READ, DELIVERED)).isFalse();
        assertThat(StatusRanks.canMove(SENT, QUEUED)).isFalse();
        assertThat(StatusRanks.canMove(FAILED, READ)).isFalse();
        assertThat(StatusRanks.canMove(CANCELLED, SENT)).isFalse();
    }
}

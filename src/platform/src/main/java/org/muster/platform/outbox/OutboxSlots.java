package org.muster.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which slot an event key belongs to. Every event of one key lands in the same slot, and one
 * relay at a time works a slot, so events of a key are published in the order they were written.
 *
 * <p>The count is fixed: changing it would move keys between slots while old rows are pending.
 */
public final class OutboxSlots {

    public static final int COUNT = 16;

    private OutboxSlots() {
    }

    public static short of(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (short) (crc.getValue() % COUNT);
    }
}

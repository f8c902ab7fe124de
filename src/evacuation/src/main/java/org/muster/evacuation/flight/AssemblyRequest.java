package org.muster.evacuation.flight;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** Where and when a flight's passengers report. */
public record AssemblyRequest(@NotNull UUID assemblyPointId, @NotNull Instant reportingTime) {
}

package dev.goldsmith.ui.history;

import java.time.LocalDate;

/** Items that succeeded and failed in the batches created on one local day: one bar of the chart. */
public record DayCount(LocalDate day, int succeeded, int failed) {
}

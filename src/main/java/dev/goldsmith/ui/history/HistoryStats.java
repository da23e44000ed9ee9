package dev.goldsmith.ui.history;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.ui.batch.Throughput;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Figures over the listed batches.
 *
 * @param successRate     succeeded / (succeeded + failed) items, empty when no item was tried
 * @param averageDuration mean active time of the batches of each operation that has any
 * @param itemsPerMinute  processed items per minute of active time, empty when no time was spent
 * @param days            succeeded and failed items per local day of creation, oldest first
 */
public record HistoryStats(OptionalDouble successRate, Map<Operation, Duration> averageDuration,
                           OptionalDouble itemsPerMinute, List<DayCount> days) {

    public static final HistoryStats EMPTY = of(List.of(), ZoneId.systemDefault());

    public static HistoryStats of(Collection<BatchRecord> batches, ZoneId zone) {
        long succeeded = batches.stream().mapToLong(BatchRecord::successfulItems).sum();
        long failed = batches.stream().mapToLong(BatchRecord::failedItems).sum();
        OptionalDouble rate = succeeded + failed == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(succeeded * 100.0 / (succeeded + failed));
        Map<Operation, Duration> durations = new EnumMap<>(Operation.class);
        batches.stream().collect(Collectors.groupingBy(BatchRecord::operation,
                        Collectors.averagingLong(BatchRecord::activeMs)))
                .forEach((op, ms) -> durations.put(op, Duration.ofMillis(Math.round(ms))));
        Map<LocalDate, int[]> perDay = new TreeMap<>();
        for (BatchRecord b : batches) {
            int[] counts = perDay.computeIfAbsent(b.createdAt().atZone(zone).toLocalDate(), d -> new int[2]);
            counts[0] += b.successfulItems();
            counts[1] += b.failedItems();
        }
        List<DayCount> days = perDay.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        long processed = batches.stream().mapToLong(b -> b.successfulItems() + b.failedItems()).sum();
        long activeMs = batches.stream().mapToLong(BatchRecord::activeMs).sum();
        return new HistoryStats(rate, Map.copyOf(durations), rate(processed, activeMs), days);
    }

    /** Items per minute of {@code activeMs}, empty when no time was spent: see {@link Throughput}. */
    static OptionalDouble rate(long items, long activeMs) {
        return Throughput.perMinute(items, Duration.ofMillis(activeMs));
    }
}

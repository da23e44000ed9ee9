package dev.goldsmith.batch;

import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.VaultItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts, resumes and retries batches, and reads their history. The face the CLI and the window share. */
public final class BatchService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchService.class);

    private final Database db;
    private final BatchStore store;
    private final VaultRepository vaults;
    private final ItemRepository items;
    private final Function<dev.goldsmith.ai.ProviderSettings, Enhancer> enhancers;
    private final EngineEnvironment env;
    private final CheckpointWriter checkpoints;
    private final Liveness liveness;
    private final String appVersion;
    private final Map<String, BatchRun> running = new ConcurrentHashMap<>();

    public BatchService(Database db, Function<dev.goldsmith.ai.ProviderSettings, Enhancer> enhancers,
                        EngineEnvironment env, String appVersion) {
        this.db = db;
        this.store = new BatchStore(db);
        this.vaults = new VaultRepository(db, env.clock());
        this.items = new ItemRepository(db, env.clock());
        this.enhancers = enhancers;
        this.env = env;
        this.checkpoints = new CheckpointWriter(db);
        this.liveness = new Liveness(env.staleAfter());
        this.appVersion = appVersion;
    }

    /**
     * Records and starts a batch over the given items of a vault (all its items when {@code itemIds} is empty).
     *
     * @throws BatchRequestException unknown vault or items; nothing is recorded then
     */
    public BatchHandle start(String vaultId, List<String> itemIds, BatchSettings settings) {
        return start(vaultId, itemIds, settings, null);
    }

    private BatchHandle start(String vaultId, List<String> itemIds, BatchSettings settings, String parentId) {
        if (vaults.find(vaultId).isEmpty()) {
            throw new BatchRequestException("No vault with id '" + vaultId + "'; run 'goldsmith vaults' to list them.");
        }
        List<VaultItem> selected = select(vaultId, itemIds);
        refuseItemsOfARunningBatch(vaultId, selected);
        Enhancer enhancer = provider(settings);
        String id = UUID.randomUUID().toString();
        NewBatch batch = new NewBatch(id, System.getProperty("user.name"), vaultId, settings.options().operation(),
                settings.toMetadata(appVersion), parentId, selected);
        BatchRecord record;
        try {
            record = store.create(batch, env.clock().instant());
        } catch (RuntimeException e) {
            enhancer.close();
            throw e;
        }
        List<VaultItem> toSend = selected.stream().filter(item -> !batch.skips(item)).toList();
        return launch(record, settings, EnumSet.of(BatchStatus.PENDING), enhancer, toSend);
    }

    /** Two live batches must not write the same item: its tier would go up twice. */
    private void refuseItemsOfARunningBatch(String vaultId, List<VaultItem> selected) {
        Set<String> wanted = selected.stream().map(VaultItem::id).collect(Collectors.toSet());
        for (BatchRecord live : liveBatches(vaultId)) {
            List<String> clash = store.itemIds(live.id(), ItemStatus.PENDING).stream().filter(wanted::contains)
                    .limit(3).toList();
            if (!clash.isEmpty()) {
                throw new BatchRequestException("Item " + String.join(", ", clash) + " is already in running batch "
                        + live.id() + "; wait for it, or cancel it first.");
            }
        }
    }

    /** Builds the provider before anything is recorded, so a bad base URL or model changes nothing. */
    private Enhancer provider(BatchSettings settings) {
        try {
            return enhancers.apply(settings.provider().withMaxConnections(settings.options().concurrency()));
        } catch (IllegalArgumentException e) {
            throw new BatchRequestException(e.getMessage());
        }
    }

    /**
     * Continues a cancelled, interrupted or failed batch in place with its pending items and the settings it started with,
     * adjusted by {@code adjust} (options given to resume, and the API key).
     */
    public BatchHandle resume(String batchId, UnaryOperator<BatchSettings> adjust) {
        BatchRecord record = find(batchId).orElseThrow(() -> unknownBatch(batchId));
        if (!record.canResume()) {
            throw new BatchRequestException("Batch " + batchId + " is " + record.status().wireName()
                    + (record.status() == BatchStatus.FAILED ? " with nothing left to send" : "")
                    + "; only cancelled, interrupted or failed batches with pending items can be resumed.");
        }
        BatchSettings settings = adjust.apply(BatchSettings.fromMetadata(record.metadata()));
        if (settings.options().operation() != record.operation()) {
            throw new BatchRequestException("Batch " + batchId + " is " + record.operation().wireName()
                    + "; resume keeps a batch's operation (start a new batch for "
                    + settings.options().operation().wireName() + ").");
        }
        return launch(record, settings, EnumSet.of(BatchStatus.CANCELLED, BatchStatus.INTERRUPTED, BatchStatus.FAILED),
                provider(settings), null);
    }

    /** Starts a new batch of the failed items of an old one, with its settings adjusted by {@code adjust}. */
    public BatchHandle retryFailed(String batchId, UnaryOperator<BatchSettings> adjust) {
        BatchRecord record = find(batchId).orElseThrow(() -> unknownBatch(batchId));
        liveBatches(record.vaultId()).stream().filter(b -> batchId.equals(b.parentBatchId())).findFirst()
                .ifPresent(live -> {
                    throw new BatchRequestException("A retry of batch " + batchId + " is running (" + live.id()
                            + "); wait for it or cancel it first.");
                });
        List<String> failed = store.retryCandidates(batchId);
        if (failed.isEmpty()) {
            throw new BatchRequestException("Batch " + batchId + " has no failed items left to retry"
                    + (record.failedItems() > 0 ? " (its retries already succeeded)." : "."));
        }
        BatchSettings settings = adjust.apply(BatchSettings.fromMetadata(record.metadata()));
        return start(record.vaultId(), failed, settings, batchId);
    }

    /**
     * Claims the batch for this process and starts it.
     *
     * @param pending the items to send when the caller has them at hand; {@code null} reads the batch's pending items
     */
    private BatchHandle launch(BatchRecord record, BatchSettings settings, EnumSet<BatchStatus> from, Enhancer enhancer,
                               List<VaultItem> pending) {
        if (!store.claim(record.id(), from, liveness.ownerId(), env.clock().instant())) {
            enhancer.close();
            throw new BatchRequestException("Batch " + record.id() + " was taken by another process just now.");
        }
        BatchRun run;
        try {
            BatchRecord claimed = store.find(record.id()).orElseThrow();
            if (pending == null) {
                List<String> pendingIds = store.itemIds(record.id(), ItemStatus.PENDING);
                pending = new ArrayList<>(items.findAll(record.vaultId(), pendingIds).values());
            }
            RunConfig cfg = new RunConfig(settings.options(), enhancer, settings.provider().pricing(),
                    env.loops().apply("batch-" + record.id().substring(0, Math.min(8, record.id().length()))),
                    env.writer(), checkpoints, store, env.delivery(), env.random(), liveness.ownerId(), env.heartbeat());
            run = new BatchRun(cfg, claimed, pending);
        } catch (RuntimeException e) {
            // claimed but not started: give the batch back as interrupted so it can be resumed
            enhancer.close();
            store.setStatus(record.id(), liveness.ownerId(), BatchStatus.INTERRUPTED,
                    "The batch could not start: " + e.getMessage(), env.clock().instant(), 0);
            throw e;
        }
        running.put(record.id(), run);
        run.completion().whenComplete((s, e) -> {
            running.remove(record.id());
            enhancer.close();
            LOG.info("batch {} ended {}", record.id(), s != null ? s.status() : e);
        });
        run.start();
        return run;
    }

    private List<VaultItem> select(String vaultId, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return items.list(vaultId);
        }
        List<String> distinct = itemIds.stream().distinct().collect(Collectors.toList());
        Map<String, VaultItem> found = items.findAll(vaultId, distinct);
        List<String> missing = distinct.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            String shown = missing.stream().limit(5).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
            throw new BatchRequestException("Vault '" + vaultId + "' has no item " + shown
                    + (missing.size() > 5 ? " (and " + (missing.size() - 5) + " more)" : "") + ".");
        }
        return new ArrayList<>(found.values());
    }

    /** The batch as stored; a live batch whose process is gone is marked and returned as interrupted. */
    public Optional<BatchRecord> find(String batchId) {
        return store.find(batchId).map(this::checkAlive);
    }

    public List<BatchRecord> history(HistoryQuery query) {
        return store.history(query).stream().map(this::checkAlive).collect(Collectors.toList());
    }

    /** Every batch that reads as interrupted (its process died): candidates for resume. */
    public List<BatchRecord> interrupted() {
        liveBatches(null); // marks the ones whose process is gone
        return history(new HistoryQuery(EnumSet.of(BatchStatus.INTERRUPTED), null, null, null, null, null, 0));
    }

    /**
     * The batches found dead just now — recorded as running by a process that is gone — and marked interrupted:
     * what a restart offers to resume. Batches interrupted earlier (declined before) are not among them.
     */
    public List<BatchRecord> recoverDead() {
        List<BatchRecord> looksLive = store.history(new HistoryQuery(EnumSet.of(BatchStatus.PENDING,
                BatchStatus.PROCESSING, BatchStatus.PAUSED), null, null, null, null, null, 0));
        return looksLive.stream().map(this::checkAlive).filter(b -> b.status() == BatchStatus.INTERRUPTED).toList();
    }

    /** Batches of a vault ({@code null}: all) that really run: one whose process is gone is marked interrupted. */
    private List<BatchRecord> liveBatches(String vaultId) {
        return history(new HistoryQuery(EnumSet.of(BatchStatus.PENDING, BatchStatus.PROCESSING, BatchStatus.PAUSED),
                null, vaultId, null, null, null, 0)).stream().filter(b -> b.status().isLive()).toList();
    }

    public List<BatchItemRecord> items(String batchId) {
        return store.items(batchId);
    }

    public List<ItemChange> changes(String batchId) {
        return store.changes(batchId);
    }

    /** A batch this process is running, for control. */
    public Optional<BatchHandle> running(String batchId) {
        return Optional.ofNullable(running.get(batchId));
    }

    private BatchRecord checkAlive(BatchRecord b) {
        if (running.containsKey(b.id()) || !liveness.isDead(b, env.clock().instant())) {
            return b;
        }
        store.markInterrupted(b.id(), b.ownerId(), env.clock().instant());
        return store.find(b.id()).orElse(b);
    }

    private static BatchRequestException unknownBatch(String batchId) {
        return new BatchRequestException("No batch with id '" + batchId + "'; run 'goldsmith history' to list them.");
    }

    @Override
    public void close() {
        List<BatchRun> runs = new ArrayList<>(running.values());
        runs.forEach(BatchRun::cancel);
        for (BatchRun run : runs) {
            try {
                run.completion().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("batch {} did not stop within 15 s; it will read as interrupted", run.batchId(), e);
            }
        }
        env.writer().execute(checkpoints::close);
        try {
            env.resources().close();
        } catch (Exception e) {
            LOG.warn("closing the engine's threads failed", e);
        }
    }

    Database database() {
        return db;
    }
}

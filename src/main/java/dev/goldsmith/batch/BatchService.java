package dev.goldsmith.batch;

import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.store.BatchRevert;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
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
    /** Batches this service is claiming or about to run: ours, and alive, though not running yet. */
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    public BatchService(Database db, Function<dev.goldsmith.ai.ProviderSettings, Enhancer> enhancers,
                        EngineEnvironment env, String appVersion) {
        this(db, enhancers, env, appVersion, db::connect);
    }

    /** @param writes where the engine's write transactions get their connections */
    BatchService(Database db, Function<dev.goldsmith.ai.ProviderSettings, Enhancer> enhancers,
                 EngineEnvironment env, String appVersion, Supplier<Connection> writes) {
        this.db = db;
        this.store = new BatchStore(db, writes);
        this.vaults = new VaultRepository(db, env.clock());
        this.items = new ItemRepository(db, env.clock());
        this.enhancers = enhancers;
        this.env = env;
        this.checkpoints = new CheckpointWriter(db, writes);
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
        List<VaultItem> selected = Selection.of(vaults, items, vaultId, itemIds);
        liveBatches(vaultId); // a batch whose process died is marked interrupted: it no longer holds its items
        Enhancer enhancer = provider(settings);
        String id = UUID.randomUUID().toString();
        NewBatch batch = new NewBatch(id, System.getProperty("user.name"), vaultId, settings.options().operation(),
                settings.toMetadata(appVersion), parentId, selected);
        BatchRecord record;
        starting.add(id);
        try {
            // recorded and claimed in one step, refused if another live batch still has one of the items to send
            record = store.create(batch, liveness.ownerId(), env.clock().instant());
        } catch (RuntimeException e) {
            starting.remove(id);
            enhancer.close();
            throw e;
        }
        List<VaultItem> toSend = selected.stream().filter(item -> !batch.skips(item)).toList();
        return launch(record, settings, null, enhancer, toSend, null);
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
     * adjusted by {@code adjust} (options given to resume, and the API key); settings that differ from those recorded
     * are recorded with the batch (never the key).
     */
    public BatchHandle resume(String batchId, UnaryOperator<BatchSettings> adjust) {
        BatchRecord record = find(batchId).orElseThrow(() -> unknownBatch(batchId));
        if (!record.canResume()) {
            throw new BatchRequestException("Batch " + batchId + " is " + record.status().wireName()
                    + (record.status() == BatchStatus.FAILED ? " with nothing left to send" : "")
                    + "; only cancelled, interrupted or failed batches with pending items can be resumed.");
        }
        BatchSettings settings = adjust.apply(stored(record));
        if (settings.options().operation() != record.operation()) {
            throw new BatchRequestException("Batch " + batchId + " is " + record.operation().wireName()
                    + "; resume keeps a batch's operation (start a new batch for "
                    + settings.options().operation().wireName() + ").");
        }
        // what it goes on with (other options, today's settings, review mode turned on or off) is recorded with the
        // claim: the batch's metadata says what it runs with, and History shows its model from there
        String metadata = BatchSettings.metadataRunningWith(record.metadata(), settings, appVersion);
        return launch(record, settings, EnumSet.of(BatchStatus.CANCELLED, BatchStatus.INTERRUPTED, BatchStatus.FAILED),
                provider(settings), null, metadata);
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
        BatchSettings settings = adjust.apply(stored(record));
        return start(record.vaultId(), failed, settings, batchId);
    }

    /** The settings a batch ran with; metadata this version cannot read refuses the resume or retry, naming why. */
    private static BatchSettings stored(BatchRecord record) {
        try {
            return BatchSettings.fromMetadata(record.metadata());
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            throw new BatchRequestException("Batch " + record.id() + " cannot run again: "
                    + Character.toLowerCase(why.charAt(0)) + why.substring(1));
        }
    }

    /**
     * Claims the batch for this process (unless it was recorded claimed) and starts it.
     *
     * @param from    the statuses it may be claimed from; {@code null} when it was recorded already claimed by us
     * @param pending the items to send when the caller has them at hand; {@code null} reads the batch's pending items
     * @param metadata new settings to record with the claim, or {@code null}
     */
    private BatchHandle launch(BatchRecord record, BatchSettings settings, EnumSet<BatchStatus> from, Enhancer enhancer,
                               List<VaultItem> pending, String metadata) {
        starting.add(record.id());
        try {
            if (from != null && !store.claim(record.id(), from, liveness.ownerId(), env.clock().instant(), metadata)) {
                throw new BatchRequestException("Batch " + record.id() + " was taken by another process just now.");
            }
        } catch (RuntimeException e) {
            starting.remove(record.id());
            enhancer.close();
            throw e;
        }
        BatchRun run;
        List<VaultItem> toSend = pending;
        try {
            BatchRecord claimed = store.find(record.id()).orElseThrow();
            if (toSend == null) {
                List<String> pendingIds = store.itemIds(record.id(), ItemStatus.PENDING);
                toSend = new ArrayList<>(items.findAll(record.vaultId(), pendingIds).values());
            }
            RunConfig cfg = new RunConfig(settings.options(), enhancer, settings.provider().pricing(),
                    env.loops().apply("batch-" + record.id().substring(0, Math.min(8, record.id().length()))),
                    env.writer(), checkpoints, store, env.delivery(), env.random(), liveness.ownerId(), env.heartbeat(),
                    callDeadline(settings));
            run = new BatchRun(cfg, claimed, toSend);
        } catch (RuntimeException e) {
            // claimed but not started: give the batch back as interrupted so it can be resumed
            enhancer.close();
            try {
                store.setStatus(record.id(), liveness.ownerId(), BatchStatus.INTERRUPTED,
                        "The batch could not start: " + e.getMessage(), env.clock().instant(), 0);
            } catch (RuntimeException giveBack) {
                e.addSuppressed(giveBack); // still ours and not running: it reads as interrupted all the same
            } finally {
                starting.remove(record.id());
            }
            throw e;
        }
        running.put(record.id(), run);
        starting.remove(record.id());
        run.completion().whenComplete((s, e) -> {
            running.remove(record.id());
            enhancer.close();
            if (s != null) {
                LOG.info("batch {} ended {}: {} succeeded ({} unchanged), {} failed, {} skipped, {} not done, of {},"
                                + " in {}{}", record.id(), s.status().wireName().toUpperCase(Locale.ROOT),
                        s.succeeded(), s.unchanged(), s.failed(), s.skipped(), s.total() - s.processed(), s.total(),
                        Durations.clock(s.elapsed()), s.errorMessage() != null ? ": " + s.errorMessage() : "");
            } else {
                LOG.error("batch {} ended without a result", record.id(), e);
            }
        });
        LOG.info("batch {} {}: {} of vault {}, {} items, {} to send{}; provider {} (model {}), concurrency {}, rpm {},"
                        + " max attempts {}", record.id(), from == null ? "started" : "resumed",
                record.operation().wireName(), record.vaultId(), record.totalItems(), toSend.size(),
                record.processedItems() == 0 ? "" : from == null ? ", " + record.skippedItems() + " skipped"
                        : ", " + record.processedItems() + " already done",
                settings.provider().kind().id(), settings.provider().model(), settings.options().concurrency(),
                settings.options().rpm(), settings.options().maxAttempts());
        run.start();
        return run;
    }

    /**
     * How long the engine waits for a provider that says nothing about a call before giving up on it: twice its
     * request timeout (a call may be sent again once without JSON mode) and half a minute more.
     */
    static Duration callDeadline(BatchSettings settings) {
        return settings.provider().timeout().multipliedBy(2).plusSeconds(30);
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

    /**
     * The answers of a batch that were not written because their item changed while the call was in flight: before
     * is the item as it was sent, after the answer applied to it. Their items read failed; retry-failed sends them again.
     */
    public List<ItemChange> staleAnswers(String batchId) {
        return store.staleAnswers(batchId);
    }

    /**
     * The items the batch really changed — wrote back, directly or by an accepted proposal — in its order (the
     * "changed only" filter).
     */
    public List<String> changedItemIds(String batchId) {
        return store.changedItemIds(batchId);
    }

    /**
     * Reverts every write-back of a batch at once, in one transaction (see {@code ItemVersionRepository.revertBatch}):
     * items changed since the batch wrote them are left as they are and reported.
     *
     * @throws BatchRequestException an unknown batch, or one still running; nothing changed then
     */
    public BatchRevert revert(String batchId) {
        BatchRecord record = find(batchId).orElseThrow(() -> unknownBatch(batchId)); // a dead owner's: interrupted
        BatchRevert done = store.revert(record.id(), env.clock().instant());
        LOG.info("batch {} reverted: {} items restored, {} left as they are", batchId, done.reverted().size(),
                done.skipped().size());
        return done;
    }

    /** Tokens, cost and time of a batch before it starts, with this service's providers; nothing is sent. */
    public Estimator estimator() {
        return new Estimator(db, enhancers);
    }

    /** "Try on 3" with this service's providers: before and after of a few items, nothing written. */
    public TrialRun trials() {
        return new TrialRun(db, enhancers);
    }

    /** A batch this process is running, for control. */
    public Optional<BatchHandle> running(String batchId) {
        return Optional.ofNullable(running.get(batchId));
    }

    /**
     * The batch as it really is: one recorded live whose process is gone is marked interrupted. So is one of ours
     * that this service does not run — a start that failed and could not even give it back (a full disk, say) — so
     * it never holds its items.
     */
    private BatchRecord checkAlive(BatchRecord b) {
        if (running.containsKey(b.id()) || starting.contains(b.id())) {
            return b;
        }
        boolean ours = liveness.ownerId().equals(b.ownerId());
        if (ours ? !b.status().isLive() : !liveness.isDead(b, store.heartbeatClock(env.clock()))) {
            return b;
        }
        try {
            store.markInterrupted(b.id(), b.ownerId(), env.clock().instant());
        } catch (RuntimeException e) {
            LOG.warn("batch {} reads as interrupted but could not be marked so", b.id(), e);
            return b.withStatus(BatchStatus.INTERRUPTED, b.errorMessage() != null ? b.errorMessage()
                    : "The process running this batch stopped before it finished.");
        }
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

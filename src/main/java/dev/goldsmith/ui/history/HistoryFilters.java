package dev.goldsmith.ui.history;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.vault.FilterChoice;
import dev.goldsmith.vault.VaultSummary;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history filters: whose batches (everyone's, or mine: the operator's), status, operation, vault, a date range
 * (local days, both inclusive) and a search text.
 */
public final class HistoryFilters {

    /** How many batches the list shows at most. */
    static final int LIMIT = 500;

    private final Messages messages;
    private final ZoneId zone;
    private final ObservableList<FilterChoice<BatchStatus>> statusChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<Operation>> operationChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> vaultChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<Boolean>> whoChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice<Boolean>> who = new SimpleObjectProperty<>();
    private final String operator;
    private final ObjectProperty<FilterChoice<BatchStatus>> status = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<Operation>> operation = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<String>> vault = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");

    HistoryFilters(Messages messages, ZoneId zone) {
        this(messages, zone, System.getProperty("user.name"));
    }

    /** @param operator who "mine" means: the name batches started here are recorded under ({@code user_id}) */
    HistoryFilters(Messages messages, ZoneId zone, String operator) {
        this.messages = messages;
        this.zone = zone;
        this.operator = operator;
        whoChoices.add(new FilterChoice<>(Boolean.FALSE, messages.get("history.filter.everyone")));
        whoChoices.add(new FilterChoice<>(Boolean.TRUE, messages.get("history.filter.mine")));
        who.set(whoChoices.get(0));
        statusChoices.add(new FilterChoice<>(null, messages.get("history.filter.allStatuses")));
        Arrays.stream(BatchStatus.values()).forEach(s -> statusChoices.add(new FilterChoice<>(s, statusName(s))));
        operationChoices.add(new FilterChoice<>(null, messages.get("history.filter.allOperations")));
        Arrays.stream(Operation.values()).forEach(o -> operationChoices.add(new FilterChoice<>(o, operationName(o))));
        vaultChoices.add(new FilterChoice<>(null, messages.get("history.filter.allVaults")));
        status.set(statusChoices.get(0));
        operation.set(operationChoices.get(0));
        vault.set(vaultChoices.get(0));
    }

    String statusName(BatchStatus s) {
        return messages.get("batchStatus." + s.wireName());
    }

    String operationName(Operation o) {
        return messages.get("operation." + o.wireName());
    }

    /** Replaces the vault choices, keeping the chosen vault when it is still there. */
    void showVaults(List<VaultSummary> vaults) {
        String chosen = vault.get() == null ? null : vault.get().value();
        List<FilterChoice<String>> choices = new ArrayList<>();
        choices.add(vaultChoices.get(0));
        vaults.forEach(v -> choices.add(new FilterChoice<>(v.vault().id(), v.vault().name())));
        if (choices.equals(vaultChoices)) {
            return;
        }
        FilterChoice<String> keep = choices.stream().filter(c -> c.value() != null && c.value().equals(chosen))
                .findFirst().orElse(choices.get(0));
        vaultChoices.setAll(choices);
        if (!keep.equals(vault.get())) {
            vault.set(keep);
        }
    }

    /** The store query the filters stand for. */
    HistoryQuery query() {
        BatchStatus s = status.get() == null ? null : status.get().value();
        boolean mine = who.get() != null && Boolean.TRUE.equals(who.get().value());
        return new HistoryQuery(s == null ? Set.of() : Set.of(s), operation.get() == null ? null : operation.get().value(),
                vault.get() == null ? null : vault.get().value(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(),
                search.get() == null || search.get().isBlank() ? null : search.get().strip(), LIMIT,
                mine ? operator : null);
    }

    /** Everything that changes the query, for a listener that reloads. */
    Observable[] observables() {
        return new Observable[] {who, status, operation, vault, from, to, search};
    }

    /** Everyone's batches, or only mine. */
    public ObservableList<FilterChoice<Boolean>> whoChoices() {
        return whoChoices;
    }

    public ObjectProperty<FilterChoice<Boolean>> whoProperty() {
        return who;
    }

    public ObservableList<FilterChoice<BatchStatus>> statusChoices() {
        return statusChoices;
    }

    public ObservableList<FilterChoice<Operation>> operationChoices() {
        return operationChoices;
    }

    public ObservableList<FilterChoice<String>> vaultChoices() {
        return vaultChoices;
    }

    public ObjectProperty<FilterChoice<BatchStatus>> statusProperty() {
        return status;
    }

    public ObjectProperty<FilterChoice<Operation>> operationProperty() {
        return operation;
    }

    public ObjectProperty<FilterChoice<String>> vaultProperty() {
        return vault;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty searchProperty() {
        return search;
    }
}

package dev.goldsmith.ui.vault;

import dev.goldsmith.ui.Messages;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace's search text, its type, tier and "changed by a batch / pending review" drop-downs, and the row
 * predicate they make together.
 */
public final class ItemFilters {

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<FilterChoice<ItemType>> typeChoices = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh one per call would drop listeners bound to it once collected. */
    private final ObservableList<FilterChoice<ItemType>> typeChoicesView = FXCollections.unmodifiableObservableList(typeChoices);
    private final ObservableList<FilterChoice<QualityTier>> tierChoices = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh one per call would drop listeners bound to it once collected. */
    private final ObservableList<FilterChoice<QualityTier>> tierChoicesView = FXCollections.unmodifiableObservableList(tierChoices);
    private final ObjectProperty<FilterChoice<ItemType>> type = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<QualityTier>> tier = new SimpleObjectProperty<>();
    private final ObservableList<FilterChoice<ItemMarks.Mark>> markChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<ItemMarks.Mark>> markChoicesView =
            FXCollections.unmodifiableObservableList(markChoices);
    private final ObjectProperty<FilterChoice<ItemMarks.Mark>> mark = new SimpleObjectProperty<>();
    private final ObjectProperty<ItemMarks> marks = new SimpleObjectProperty<>(ItemMarks.NONE);
    private final ObjectBinding<Predicate<ItemRow>> predicate;

    ItemFilters(Messages messages, Function<ItemType, String> typeName, Function<QualityTier, String> tierName) {
        typeChoices.add(new FilterChoice<>(null, messages.get("filter.allTypes")));
        for (ItemType t : ItemType.values()) {
            typeChoices.add(new FilterChoice<>(t, typeName.apply(t)));
        }
        tierChoices.add(new FilterChoice<>(null, messages.get("filter.allTiers")));
        for (QualityTier t : QualityTier.values()) {
            tierChoices.add(new FilterChoice<>(t, tierName.apply(t)));
        }
        markChoices.add(new FilterChoice<>(null, messages.get("filter.allStates")));
        markChoices.add(new FilterChoice<>(ItemMarks.Mark.CHANGED, messages.get("filter.changed")));
        markChoices.add(new FilterChoice<>(ItemMarks.Mark.PENDING_REVIEW, messages.get("filter.pendingReview")));
        type.set(typeChoices.get(0));
        tier.set(tierChoices.get(0));
        mark.set(markChoices.get(0));
        predicate = Bindings.createObjectBinding(() -> {
            ItemFilter filter = ItemFilter.of(searchText.get(), valueOf(type.get()), valueOf(tier.get()));
            ItemMarks.Mark wanted = valueOf(mark.get());
            ItemMarks known = marks.get();
            return row -> (wanted == null || wanted.has(known, row.item().id()))
                    && filter.matches(row.item(), row.searchable());
        }, searchText, type, tier, mark, marks);
    }

    /** Chooses the type filter by value ({@code null} = all types). */
    public void filterByType(ItemType value) {
        typeChoices.stream().filter(c -> c.value() == value).findFirst().ifPresent(type::set);
    }

    /** Chooses the tier filter by value ({@code null} = all tiers). */
    public void filterByTier(QualityTier value) {
        tierChoices.stream().filter(c -> c.value() == value).findFirst().ifPresent(tier::set);
    }

    /** Chooses the "changed by a batch" or "pending review" filter ({@code null} = every item). */
    public void filterByMark(ItemMarks.Mark value) {
        markChoices.stream().filter(c -> c.value() == value).findFirst().ifPresent(mark::set);
    }

    /** What the batches did to the loaded vault's items (the workspace sets it with each load). */
    void marks(ItemMarks value) {
        marks.set(value);
    }

    public ObservableList<FilterChoice<ItemMarks.Mark>> markChoices() {
        return markChoicesView;
    }

    public ObjectProperty<FilterChoice<ItemMarks.Mark>> markProperty() {
        return mark;
    }

    ObjectBinding<Predicate<ItemRow>> predicate() {
        return predicate;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<FilterChoice<ItemType>> typeChoices() {
        return typeChoicesView;
    }

    public ObservableList<FilterChoice<QualityTier>> tierChoices() {
        return tierChoicesView;
    }

    public ObjectProperty<FilterChoice<ItemType>> typeProperty() {
        return type;
    }

    public ObjectProperty<FilterChoice<QualityTier>> tierProperty() {
        return tier;
    }

    private static <T> T valueOf(FilterChoice<T> choice) {
        return choice == null ? null : choice.value();
    }
}

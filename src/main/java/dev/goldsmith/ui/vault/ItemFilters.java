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

/** The workspace's search text and type/tier drop-downs, and the row predicate they make together. */
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
        type.set(typeChoices.get(0));
        tier.set(tierChoices.get(0));
        predicate = Bindings.createObjectBinding(() -> {
            ItemFilter filter = ItemFilter.of(searchText.get(), valueOf(type.get()), valueOf(tier.get()));
            return row -> filter.matches(row.item(), row.searchable());
        }, searchText, type, tier);
    }

    /** Chooses the type filter by value ({@code null} = all types). */
    public void filterByType(ItemType value) {
        typeChoices.stream().filter(c -> c.value() == value).findFirst().ifPresent(type::set);
    }

    /** Chooses the tier filter by value ({@code null} = all tiers). */
    public void filterByTier(QualityTier value) {
        tierChoices.stream().filter(c -> c.value() == value).findFirst().ifPresent(tier::set);
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

package dev.goldsmith.ui.batch;

import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.DialogService.Choice;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.batch.BatchGateway.Rerun;
import dev.goldsmith.ui.batch.BatchGateway.Source;
import java.util.List;
import java.util.Optional;

/**
 * Before a resume or a retry runs: says which provider and model it will use and, when the current settings send
 * elsewhere, offers them instead ("Its own: gpt-4o-mini" or "Current: Offline rules").
 */
public final class RerunQuestion {

    /** What is about to run again. */
    public enum Kind {
        /** Continue the batch in place with its pending items. */
        RESUME("resume"),
        /** A new batch of the failed items. */
        RETRY("retry");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final DialogService dialogs;
    private final Messages messages;
    private final ProviderText names;

    public RerunQuestion(DialogService dialogs, Messages messages) {
        this.dialogs = dialogs;
        this.messages = messages;
        this.names = new ProviderText(messages);
    }

    /**
     * Asks which settings to run with; empty when the user cancels. With {@code askWhenSame} false and the current
     * settings sending to the same provider and model, nothing is asked and the batch's own settings are used.
     */
    public Optional<Source> ask(Rerun r, Kind kind, boolean askWhenSame) {
        boolean same = r.sameProvider();
        if (same && !askWhenSame) {
            return Optional.of(Source.OWN);
        }
        String id = r.batch().id().substring(0, Math.min(8, r.batch().id().length()));
        int items = kind == Kind.RESUME ? r.batch().totalItems() - r.batch().processedItems() : r.batch().failedItems();
        String own = names.describe(r.own().provider());
        String title = messages.get("rerun." + kind.key + ".title", id);
        if (same) {
            return dialogs.choose(title, messages.get("rerun." + kind.key + ".same", own, items),
                    List.of(new Choice<>(messages.get("rerun." + kind.key + ".go"), Source.OWN)));
        }
        return dialogs.choose(title, messages.get("rerun." + kind.key + ".differ", own, items,
                        names.describe(r.current().provider())),
                List.of(new Choice<>(messages.get("rerun.choice.own", names.shortName(r.own().provider())), Source.OWN),
                        new Choice<>(messages.get("rerun.choice.current", names.shortName(r.current().provider())),
                                Source.CURRENT)));
    }
}

package dev.goldsmith.cli;

import dev.goldsmith.ai.ProviderKind;
import java.util.Arrays;
import java.util.Iterator;

/** The values {@code --provider} takes, from {@link ProviderKind}: for the help text and shell completion. */
final class ProviderIds implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ProviderKind.values()).map(ProviderKind::id).iterator();
    }
}

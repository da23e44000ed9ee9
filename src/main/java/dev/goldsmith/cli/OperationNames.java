package dev.goldsmith.cli;

import dev.goldsmith.ai.Operation;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The values {@code --operation} takes, from {@link Operation}: for shell completion, and the one sentence for a value
 * that is not one of them.
 */
final class OperationNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return names().iterator();
    }

    /** {@code --operation} as given: the operation, or a bad-usage error naming the value and the choices. */
    static Operation parse(String value) {
        return Operation.fromWire(value).orElseThrow(() -> new InvalidInputException("--operation must be "
                + choices() + ", not '" + value + "'."));
    }

    /** "enhance or keyword_suggest". */
    static String choices() {
        List<String> names = names();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static List<String> names() {
        return Arrays.stream(Operation.values()).map(Operation::wireName).toList();
    }
}

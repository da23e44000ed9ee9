package dev.goldsmith.ai;

import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompts, kept as resources under {@code dev/goldsmith/ai/prompts/} (each operation names its own two,
 * {@link Operation#promptResource}: {@code <operation>.system.txt} and {@code <operation>.user.txt}) with
 * {@code {placeholder}} fields: {@code type}, {@code current_tier},
 * {@code next_tier}, {@code content}, {@code keywords}. Substitution is one pass over the template, so braces
 * in an item's text are inserted as they are and never expanded.
 */
public final class Prompts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    /** The templates, read once: a prompt is built for every call and every estimate. */
    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    /** The two messages of one request. */
    public record Messages(String system, String user) {
    }

    /** The two templates of an operation. */
    enum Part {
        SYSTEM("system"), USER("user");

        private final String suffix;

        Part(String suffix) {
            this.suffix = suffix;
        }

        String suffix() {
            return suffix;
        }
    }

    private Prompts() {
    }

    public static Messages forItem(VaultItem item, Operation operation) {
        Map<String, String> values = Map.of(
                "type", item.type().displayName().toLowerCase(java.util.Locale.ROOT),
                "current_tier", item.tier().wireName(),
                "next_tier", item.tier().next().wireName(),
                "content", item.content(),
                "keywords", item.keywords().isEmpty() ? "(none)" : String.join(", ", item.keywords()));
        return new Messages(render(template(operation.promptResource(Part.SYSTEM)), values),
                render(template(operation.promptResource(Part.USER)), values));
    }

    /** Replaces each {@code {name}} that {@code values} knows; other braces are left alone. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String template(String name) {
        return TEMPLATES.computeIfAbsent(name, Prompts::load);
    }

    /** The template at {@code path}, relative to this package. */
    static String load(String path) {
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The prompt resource " + path + " is missing from the build.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

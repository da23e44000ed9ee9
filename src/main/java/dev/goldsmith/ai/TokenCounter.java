package dev.goldsmith.ai;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts the prompt tokens of chat messages as a provider's token limit counts them, for a given model.
 *
 * <p>OpenAI models are counted with their own tokenizer (jtokkit): {@code o200k_base} for gpt-4o, gpt-4.1, gpt-4.5,
 * gpt-5, gpt-oss and the o-series; {@code cl100k_base} for gpt-4 and gpt-3.5 — and {@code o200k_base}, the newest,
 * for any other {@code gpt-…} name. A provider prefix ({@code openai/gpt-4o-mini}) and a fine-tune wrapper
 * ({@code ft:gpt-4o-mini:org::id}) are looked through. Messages add OpenAI's chat framing: 3 tokens a message, 1 for
 * a name, 3 to prime the reply. Models whose tokenizer is not known here (Llama, Mistral, Qwen, Claude, …) are
 * counted at about four characters a token, with the same framing.
 *
 * <p>Thread-safe. The tokenizer tables (a few MB) are loaded once per process, on first use or ahead of it
 * ({@link #warmUp}), and shared.
 */
final class TokenCounter {

    static final int PER_MESSAGE = 3;
    static final int PER_NAME = 1;
    static final int REPLY_PRIMING = 3;
    static final int CHARACTERS_PER_TOKEN = 4;

    private static final Pattern O200K = Pattern.compile(
            "(gpt-4o|chatgpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|gpt-oss|o\\d+(-|$)|codex).*");
    private static final Pattern CL100K = Pattern.compile("(gpt-4|gpt-3\\.5|gpt-35|text-embedding-3|text-embedding-ada).*");

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Map<EncodingType, Encoding> LOADED = new ConcurrentHashMap<>();

    /** One chat message; {@code name} may be {@code null}. */
    record Message(String role, String name, String content) {
    }

    /** Texts seen at most this many times are not cached; the cache holds a few prompts' fixed parts. */
    private static final int CACHED_TEXTS = 16;

    private final EncodingType type; // null: about four characters a token
    /** Counts of the system messages seen so far: the same few texts come with every request. */
    private final Map<String, Integer> systemCounts = new ConcurrentHashMap<>();

    private TokenCounter(EncodingType type) {
        this.type = type;
    }

    static TokenCounter forModel(String model) {
        return new TokenCounter(encodingFor(model).orElse(null));
    }

    /** About four characters a token, whatever the model: for providers whose tokenizer is not public (Anthropic). */
    static TokenCounter approximate() {
        return new TokenCounter(null);
    }

    /**
     * Starts loading this counter's tokenizer table in the background (0.2–2 s on a busy machine, once per process),
     * so that the first count — at a batch's first dispatch — does not wait for it. A count made before the load
     * ends waits for that load rather than starting another.
     */
    TokenCounter warmUp() {
        if (type != null && !LOADED.containsKey(type)) {
            CompletableFuture.runAsync(() -> encoding(type));
        }
        return this;
    }

    /** The OpenAI encoding of {@code model}, or empty when its tokenizer is not known here. */
    static Optional<EncodingType> encodingFor(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String name = model.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("ft:")) {
            name = name.substring(3);
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        if (O200K.matcher(name).matches()) {
            return Optional.of(EncodingType.O200K_BASE);
        }
        if (CL100K.matcher(name).matches()) {
            return Optional.of(EncodingType.CL100K_BASE);
        }
        return name.startsWith("gpt-") ? Optional.of(EncodingType.O200K_BASE) : Optional.empty();
    }

    /** "o200k_base", "cl100k_base" or "characters/4": how this counter counts. */
    String method() {
        return type == null ? "characters/" + CHARACTERS_PER_TOKEN : type.getName();
    }

    /** The tokens of {@code text}, taken as plain text (a special token such as {@code <|endoftext|>} is just text). */
    int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (type == null) {
            int chars = text.codePointCount(0, text.length());
            return (chars + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
        }
        return encoding(type).countTokensOrdinary(text);
    }

    /** The prompt tokens of {@code messages} with the chat framing. */
    long count(List<Message> messages) {
        long tokens = REPLY_PRIMING;
        for (Message m : messages) {
            tokens += PER_MESSAGE + count(m.role()) + count(m.content());
            if (m.name() != null) {
                tokens += PER_NAME + count(m.name());
            }
        }
        return tokens;
    }

    /** The prompt tokens of one request's messages, as {@link ChatCompletions#body} sends them. */
    long count(Prompts.Messages messages) {
        long tokens = count(List.of(new Message("user", null, messages.user())));
        if (messages.system() != null) {
            Integer known = systemCounts.get(messages.system());
            if (known == null) {
                known = count(messages.system());
                if (systemCounts.size() < CACHED_TEXTS) {
                    systemCounts.put(messages.system(), known);
                }
            }
            tokens += PER_MESSAGE + count("system") + known;
        }
        return tokens;
    }

    private static Encoding encoding(EncodingType type) {
        return LOADED.computeIfAbsent(type, t -> {
            synchronized (REGISTRY) {
                return REGISTRY.getEncoding(t);
            }
        });
    }

    @Override
    public String toString() {
        return "TokenCounter[" + method() + "]";
    }
}

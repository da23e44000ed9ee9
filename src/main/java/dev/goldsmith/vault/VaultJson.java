package dev.goldsmith.vault;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON vault file of DESIGN §7: {@code {"vault": {id, name, owner}, "items": [{id, type, content, quality_tier,
 * keywords, confidence_score}]}}. What {@link #write} writes, {@link #read} reads back unchanged. Reading skips a
 * UTF-8 byte order mark; an item's {@code quality_tier} or {@code keywords} that is absent or null is left out
 * ({@link VaultFile#leftOut}).
 */
public final class VaultJson {

    private static final Set<String> ROOT_FIELDS = Set.of("vault", "items");
    private static final Set<String> VAULT_FIELDS = Set.of("id", "name", "owner");
    private static final Set<String> ITEM_FIELDS =
            Set.of("id", "type", "content", "quality_tier", "keywords", "confidence_score");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private VaultJson() {
    }

    /**
     * Reads and checks a whole file; any problem with its content is a {@link VaultFileException} naming the item and
     * field. An {@link IOException} is a failure of {@code in} itself (unreadable, or not decodable).
     */
    public static VaultFile read(Reader in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Bom.skipped(in));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new VaultFileException("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new VaultFileException("the file is empty; a JSON vault file is an object with 'vault' and 'items'");
        }
        requireObject("the file", root, ROOT_FIELDS);
        JsonNode vaultNode = root.get("vault");
        if (vaultNode == null || vaultNode.isNull()) {
            throw new VaultFileException("vault: missing; the file needs a 'vault' object with an id and a name");
        }
        requireObject("vault", vaultNode, VAULT_FIELDS);
        String vaultId = requiredText("vault.id", vaultNode.get("id"));
        Vault vault = new Vault(vaultId, requiredText("vault.name", vaultNode.get("name")),
                optionalText("vault.owner", vaultNode.get("owner")), null, null);
        JsonNode itemsNode = root.get("items");
        if (itemsNode == null || itemsNode.isNull()) {
            throw new VaultFileException("items: missing; the file needs an 'items' array (it may be empty)");
        }
        if (!itemsNode.isArray()) {
            throw new VaultFileException("items: " + describe(itemsNode) + ", not an array of items");
        }
        List<VaultItem> items = new ArrayList<>(itemsNode.size());
        Map<String, String> seen = new HashMap<>();
        VaultFile.LeftOut leftOut = new VaultFile.LeftOut();
        for (int i = 0; i < itemsNode.size(); i++) {
            items.add(item(vaultId, i, itemsNode.get(i), seen, leftOut));
        }
        return new VaultFile(vault, items, leftOut.toMap());
    }

    /** One item; a {@code quality_tier} or {@code keywords} that is absent or null is noted in {@code leftOut}. */
    private static VaultItem item(String vaultId, int index, JsonNode node, Map<String, String> seen,
                                  VaultFile.LeftOut leftOut) {
        String here = "items[" + index + "]";
        requireObject(here, node, ITEM_FIELDS);
        ItemRules.Where where = name -> here + "." + name;
        String id = ItemRules.id(where, optionalText(where.field("id"), node.get("id")), seen, here);
        ItemType type = ItemRules.type(where, optionalText(where.field("type"), node.get("type")));
        String content = ItemRules.content(where, optionalText(where.field("content"), node.get("content")));
        QualityTier tier = ItemRules.tier(where, optionalText(where.field("quality_tier"), node.get("quality_tier")));
        List<String> keywords = ItemRules.keywords(where, keywords(where.field("keywords"), node.get("keywords")));
        for (ItemField field : ItemField.values()) {
            JsonNode value = node.get(field.wireName());
            if (value == null || value.isNull()) {
                leftOut.add(id, field);
            }
        }
        JsonNode score = node.get("confidence_score");
        Double confidence = null;
        if (score != null && !score.isNull()) {
            if (!score.isNumber()) {
                throw new VaultFileException(where.field("confidence_score") + ": " + describe(score)
                        + ", not a number from 0 to 1");
            }
            confidence = ItemRules.confidence(where, score.doubleValue(), score.asText());
        }
        return new VaultItem(id, vaultId, type, content, tier, keywords, confidence, null, null);
    }

    private static List<String> keywords(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new VaultFileException(field + ": " + describe(node) + ", not an array of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode k = node.get(i);
            if (!k.isTextual()) {
                throw new VaultFileException(field + "[" + i + "]: " + describe(k) + ", not a string");
            }
            values.add(k.textValue());
        }
        return values;
    }

    private static void requireObject(String here, JsonNode node, Set<String> accepted) {
        if (!node.isObject()) {
            throw new VaultFileException(here + ": " + describe(node) + ", not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!accepted.contains(name)) {
                throw new VaultFileException(here + ": unknown field '" + name + "'; accepted fields are "
                        + String.join(", ", accepted.stream().sorted().toList()));
            }
        }
    }

    private static String requiredText(String field, JsonNode node) {
        String value = optionalText(field, node);
        if (value == null || value.isBlank()) {
            throw new VaultFileException(field + ": " + (value == null ? "missing" : "blank")
                    + "; a vault needs an id and a name");
        }
        return value;
    }

    private static String optionalText(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new VaultFileException(field + ": " + describe(node) + ", not a string");
        }
        return node.textValue();
    }

    /** "12 is a number", "an array", "true is a boolean", "'x' is a string". */
    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return ItemRules.quote(node.textValue()) + " is a string";
        }
        if (node.isNumber()) {
            return node.asText() + " is a number";
        }
        if (node.isBoolean()) {
            return node.asText() + " is a boolean";
        }
        if (node.isArray()) {
            return "an array was given";
        }
        if (node.isObject()) {
            return "an object was given";
        }
        return "null was given";
    }

    /** Writes the file as indented UTF-8 JSON (the writer's encoding) with a final newline. */
    public static void write(VaultFile file, Writer out) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode vault = root.putObject("vault");
        vault.put("id", file.vault().id());
        vault.put("name", file.vault().name());
        vault.put("owner", file.vault().owner());
        ArrayNode items = root.putArray("items");
        for (VaultItem item : file.items()) {
            ObjectNode n = items.addObject();
            n.put("id", item.id());
            n.put("type", item.type().wireName());
            n.put("content", item.content());
            n.put("quality_tier", item.tier().wireName());
            ArrayNode keywords = n.putArray("keywords");
            item.keywords().forEach(keywords::add);
            n.put("confidence_score", item.confidenceScore());
        }
        try {
            MAPPER.writeValue(out, root);
            out.write("\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package io.srecopilot.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every string a service reads from JSON (request bodies, events), values and map keys alike, is
 * made {@link StorableText storable}: one place instead of a check before every write. Bodies read
 * as trees (merge patches, free-form JSON) too: their text values and field names.
 */
@Singleton
public class StorableTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableStrings())
                .addKeyDeserializer(String.class, new StorableKeys())
                .addDeserializer(JsonNode.class, new StorableTrees()));
    }

    static final class StorableStrings extends StdScalarDeserializer<String> {

        StorableStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return StorableText.of(StringDeserializer.instance.deserialize(parser, context));
        }
    }

    static final class StorableKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return StorableText.of(key);
        }
    }

    static final class StorableTrees extends StdDeserializer<JsonNode> {

        StorableTrees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return storable(JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context));
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        /** The node with every text and field name storable; changed in place, nothing copied when clean. */
        static JsonNode storable(JsonNode node) {
            if (node.isTextual()) {
                String text = StorableText.of(node.textValue());
                return text == node.textValue() ? node : TextNode.valueOf(text);
            }
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode item = storable(array.get(i));
                    if (item != array.get(i)) {
                        array.set(i, item);
                    }
                }
            } else if (node instanceof ObjectNode object) {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                object.fields().forEachRemaining(fields::add);
                for (Map.Entry<String, JsonNode> field : fields) {
                    String name = StorableText.of(field.getKey());
                    JsonNode value = storable(field.getValue());
                    if (name != field.getKey()) {
                        object.remove(field.getKey());
                        object.set(name, value);
                    } else if (value != field.getValue()) {
                        object.set(name, value);
                    }
                }
            }
            return node;
        }
    }
}

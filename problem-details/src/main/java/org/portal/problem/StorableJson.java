package org.portal.problem;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies every service reads are bounded and storable: no text with the NUL character, which
 * PostgreSQL cannot store (it failed as a 500 deep in a write), nesting at most {@value #MAX_DEPTH}
 * deep, number literals at most {@value #MAX_NUMBER_LENGTH} characters and strings at most
 * {@value #MAX_STRING_LENGTH}. Each is refused as a 400 problem before any service code runs.
 */
@Singleton
public class StorableJson implements ObjectMapperCustomizer {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = 1_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).build());
        mapper.registerModule(new SimpleModule("storable-text")
                .addDeserializer(String.class, new NulFreeString())
                .addDeserializer(JsonNode.class, new NulFreeTree())
                .addKeyDeserializer(String.class, new NulFreeKey()));
    }

    /** Thrown for text PostgreSQL cannot store; the JSON problem mapper names the field. */
    public static final class UnstorableText extends JsonMappingException {

        UnstorableText(JsonParser parser) {
            super(parser, "Text must not contain the NUL character (U+0000)");
        }
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    private static final class NulFreeString extends StdScalarDeserializer<String> {

        NulFreeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && hasNul(text)) {
                throw new UnstorableText(parser);
            }
            return text;
        }
    }

    private static final class NulFreeKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (hasNul(key)) {
                throw new UnstorableText(context.getParser());
            }
            return key;
        }
    }

    /** Free JSON (record values, settings): every text and every name in the tree is checked. */
    private static final class NulFreeTree extends JsonDeserializer<JsonNode> {

        private final JsonDeserializer<? extends JsonNode> trees = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = trees.deserialize(parser, context);
            Deque<JsonNode> pending = new ArrayDeque<>();
            pending.push(tree);
            while (!pending.isEmpty()) {
                JsonNode node = pending.pop();
                if (node.isTextual() && hasNul(node.textValue())) {
                    throw new UnstorableText(parser);
                }
                if (node.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        if (hasNul(field.getKey())) {
                            throw new UnstorableText(parser);
                        }
                        pending.push(field.getValue());
                    }
                } else if (node.isArray()) {
                    node.forEach(pending::push);
                }
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) throws JsonMappingException {
            return trees.getNullValue(context);
        }
    }
}

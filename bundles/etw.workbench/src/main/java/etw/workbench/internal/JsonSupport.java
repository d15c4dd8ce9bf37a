package etw.workbench.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The API's one JSON mapper (Jackson): requests are read strictly (a duplicate key, an unknown field, a number
 * where a string belongs, a fraction where a whole number belongs, or nesting deeper than 64 is a 400 naming the
 * field), responses are written from the records of {@link Responses}, with {@code <}, {@code >} and {@code &}
 * escaped so that JSON is safe to embed in a page.
 */
final class JsonSupport {
    static final int MAX_DEPTH = 64;
    static final ObjectMapper MAPPER = mapper();

    private JsonSupport() {
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .characterEscapes(new HtmlSafe())
                // Schubfach: the shortest digits that read back as the same double, about 3x cheaper than
                // Double.toString on Java 17 (a run's answer is tens of thousands of doubles)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        JsonMapper m = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
            m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }

    /** Escapes what could close a script element or start markup, besides JSON's own escapes. */
    private static final class HtmlSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] codes;

        HtmlSafe() {
            codes = standardAsciiEscapesForJSON();
            codes['<'] = ESCAPE_STANDARD;
            codes['>'] = ESCAPE_STANDARD;
            codes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A request body as {@code type}: 400 with the line and column, or the field, of what is wrong. */
    static <T> T read(byte[] body, Class<T> type) throws ApiException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("not valid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read as JSON");
        }
        if (tree == null || !tree.isObject()) throw ApiException.badRequest("the request body must be a JSON object");
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field \"" + e.getPropertyName() + "\"; the fields are "
                    + e.getKnownPropertyIds().stream().map(o -> "\"" + o + "\"").sorted().collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("\"" + path(e) + "\" must be " + kind(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request does not fit the API: " + e.getOriginalMessage());
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String kind(Class<?> t) {
        if (t == null) return "of another type";
        if (t == String.class) return "a string";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "a whole number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (List.class.isAssignableFrom(t)) return "a list";
        if (Map.class.isAssignableFrom(t)) return "an object";
        return "of another type";
    }
}

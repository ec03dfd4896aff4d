package io.kafkaex.spring.serialization;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes values as JSON with the application's Jackson mapper and, unless disabled, names the value's class in the
 * {@value #TYPE_ID_HEADER} header (the header spring-kafka uses, so either side can read the other's records).
 * Thread-safe: Jackson mappers are.
 *
 * @param <T> the type of the values it writes
 */
public final class JsonSerializer<T> implements Serializer<T> {

    /** The header naming the class of a JSON value. */
    public static final String TYPE_ID_HEADER = "__TypeId__";

    private final ObjectMapper mapper;
    private final boolean addTypeHeader;

    public JsonSerializer(ObjectMapper mapper) {
        this(mapper, true);
    }

    public JsonSerializer(ObjectMapper mapper, boolean addTypeHeader) {
        this.mapper = mapper;
        this.addTypeHeader = addTypeHeader;
    }

    @Override
    public byte[] serialize(String topic, RecordHeaders headers, T data) {
        if (data == null) {
            return null;
        }
        if (addTypeHeader && headers != null) {
            headers.set(TYPE_ID_HEADER, data.getClass().getName().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot write a " + data.getClass().getName() + " as JSON for topic "
                    + topic + ": " + e.getOriginalMessage(), e);
        }
    }
}

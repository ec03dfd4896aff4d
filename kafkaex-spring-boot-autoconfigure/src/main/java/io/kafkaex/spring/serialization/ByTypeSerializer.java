package io.kafkaex.spring.serialization;

/**
 * Chooses the encoding by the runtime type of each value: a {@code String} as UTF-8, a {@code byte[]} as is, a
 * {@code Long} or {@code Integer} big-endian (as kafka-clients' serializers), anything else as JSON through the JSON
 * serializer given (the application's Jackson mapper, which also writes the {@value JsonSerializer#TYPE_ID_HEADER}
 * header). {@code null} stays {@code null}. The default key and value serializer of the template.
 *
 * <p>Thread-safe when the JSON serializer is.
 */
public final class ByTypeSerializer implements Serializer<Object> {

    private static final StringSerializer STRINGS = new StringSerializer();
    private static final ByteArraySerializer BYTES = new ByteArraySerializer();
    private static final LongSerializer LONGS = new LongSerializer();
    private static final IntegerSerializer INTEGERS = new IntegerSerializer();

    private final Serializer<Object> json;

    /**
     * @param json the serializer of every other type, or {@code null} when the application has no JSON mapper: such
     *     values then fail with a {@link SerializationException} saying so
     */
    public ByTypeSerializer(Serializer<Object> json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(String topic, RecordHeaders headers, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof String text) {
            return STRINGS.serialize(topic, headers, text);
        }
        if (data instanceof byte[] bytes) {
            return BYTES.serialize(topic, headers, bytes);
        }
        if (data instanceof Long number) {
            return LONGS.serialize(topic, headers, number);
        }
        if (data instanceof Integer number) {
            return INTEGERS.serialize(topic, headers, number);
        }
        if (json == null) {
            throw new SerializationException("Cannot write a " + data.getClass().getName() + " for topic " + topic
                    + ": only String, byte[], Long and Integer are written without JSON, and the application has no"
                    + " Jackson JsonMapper bean; add spring-boot-starter-jackson (or a JsonMapper bean), or set"
                    + " kafkaex.producer.key-serializer / kafkaex.producer.value-serializer");
        }
        return json.serialize(topic, headers, data);
    }
}

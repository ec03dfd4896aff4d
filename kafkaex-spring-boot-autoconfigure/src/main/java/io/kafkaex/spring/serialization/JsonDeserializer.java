package io.kafkaex.spring.serialization;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads JSON values with the application's Jackson mapper. The target type is the one given (a listener's parameter
 * type); when none is given ({@code Object}), the {@value JsonSerializer#TYPE_ID_HEADER} header names the class, and
 * only classes in a trusted package are read that way: a header from the network never makes this instantiate an
 * arbitrary class. Thread-safe.
 *
 * @param <T> the type of the values it reads
 */
public final class JsonDeserializer<T> implements Deserializer<T> {

    private final ObjectMapper mapper;
    private final JavaType targetType;
    private final List<String> trustedPackages;

    /**
     * @param mapper the application's mapper
     * @param targetType the type to read; {@code Object} reads the type named by the type header
     * @param trustedPackages packages whose classes the type header may name; {@code "*"} trusts every package
     */
    public JsonDeserializer(ObjectMapper mapper, JavaType targetType, List<String> trustedPackages) {
        this.mapper = mapper;
        this.targetType = targetType;
        this.trustedPackages = List.copyOf(trustedPackages);
    }

    public JsonDeserializer(ObjectMapper mapper, Class<T> targetType) {
        this(mapper, mapper.constructType(targetType), List.of());
    }

    @Override
    public T deserialize(String topic, RecordHeaders headers, byte[] data) {
        if (data == null) {
            return null;
        }
        JavaType type = typeFor(topic, headers);
        try {
            return mapper.readValue(data, type);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot read a record of " + topic + " as JSON " + type.toCanonical() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private JavaType typeFor(String topic, RecordHeaders headers) {
        if (targetType.getRawClass() != Object.class) {
            return targetType;
        }
        String named = headers == null ? null : headers.lastString(JsonSerializer.TYPE_ID_HEADER);
        if (named == null) {
            return targetType; // maps, lists, strings, numbers
        }
        if (!trusted(named)) {
            throw new SerializationException("The " + JsonSerializer.TYPE_ID_HEADER + " header of a record of " + topic
                    + " names " + named + ", which is not in a trusted package " + trustedPackages
                    + "; add its package to kafkaex.consumer.json-trusted-packages or give the listener a parameter type");
        }
        try {
            return mapper.constructType(Class.forName(named, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new SerializationException("The " + JsonSerializer.TYPE_ID_HEADER + " header of a record of " + topic
                    + " names " + named + ", which is not on the classpath", e);
        }
    }

    private boolean trusted(String className) {
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot);
        for (String trustedPackage : trustedPackages) {
            if (trustedPackage.equals("*") || pkg.equals(trustedPackage) || pkg.startsWith(trustedPackage + ".")) {
                return true;
            }
        }
        return false;
    }
}

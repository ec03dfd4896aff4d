package io.kafkaex.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A tagged field that the schema of the receiving version does not know: its tag and raw bytes, kept so
 * that a message read and written again loses nothing. Immutable.
 *
 * @param tag  the field's tag
 * @param data its encoded value
 */
public record RawTaggedField(int tag, ByteBuffer data) {

    /** {@code fields} with one more field appended, creating the list on first use. */
    public static List<RawTaggedField> add(List<RawTaggedField> fields, int tag, ByteBuffer data) {
        List<RawTaggedField> list = fields == null ? new ArrayList<>() : fields;
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        list.add(new RawTaggedField(tag, ByteBuffer.wrap(copy)));
        return list;
    }

    /**
     * Writes the raw fields from {@code index} on whose tags are below {@code tag}, keeping tags in order
     * among the known ones; returns the index of the first field not written.
     */
    public static int writeBefore(ProtocolWriter writer, List<RawTaggedField> fields, int index, int tag) {
        if (fields == null) {
            return index;
        }
        int next = index;
        while (next < fields.size() && fields.get(next).tag < tag) {
            RawTaggedField field = fields.get(next);
            writer.writeUnsignedVarint(field.tag);
            writer.writeUnsignedVarint(field.data.remaining());
            writer.writeRaw(field.data);
            next++;
        }
        return next;
    }

    /** The encoded size of {@code fields} (tags, lengths and data). */
    public static int size(List<RawTaggedField> fields) {
        if (fields == null) {
            return 0;
        }
        int size = 0;
        for (RawTaggedField field : fields) {
            size += ByteSizes.unsignedVarint(field.tag) + ByteSizes.unsignedVarint(field.data.remaining())
                    + field.data.remaining();
        }
        return size;
    }
}

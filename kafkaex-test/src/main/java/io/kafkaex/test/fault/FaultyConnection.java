package io.kafkaex.test.fault;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * One connection of a {@link MisbehavingBroker}: reads request frames, answers ApiVersions correctly when told
 * to, and answers every other request with the broker's {@link Misbehaviour}. Ends when either side closes
 * the connection.
 *
 * <p>Runs on its own thread; nothing else touches it.
 */
final class FaultyConnection implements Runnable {

    /** Bytes no Kafka peer sends: read as a size prefix, their first four are negative. */
    private static final byte[] GARBAGE = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 'n', 'o', 't', ' ',
        'K', 'a', 'f', 'k', 'a', '\r', '\n'};

    private final Socket socket;
    private final Misbehaviour misbehaviour;
    private final boolean answerApiVersions;
    private final Consumer<Short> onRequest;

    FaultyConnection(Socket socket, Misbehaviour misbehaviour, boolean answerApiVersions, Consumer<Short> onRequest) {
        this.socket = socket;
        this.misbehaviour = misbehaviour;
        this.answerApiVersions = answerApiVersions;
        this.onRequest = onRequest;
    }

    @Override
    public void run() {
        try (socket) {
            if (misbehaviour == Misbehaviour.CLOSE_ON_ACCEPT) {
                return;
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            FakeWire.Request request;
            while ((request = FakeWire.readRequest(in)) != null) {
                onRequest.accept(request.apiKey());
                if (request.apiKey() == FakeWire.API_VERSIONS && answerApiVersions) {
                    out.write(FakeWire.apiVersionsResponse(request));
                } else if (!misbehave(request, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client or close() ended the connection
        }
    }

    /** Answers {@code request} badly; returns whether to keep the connection open. */
    private boolean misbehave(FakeWire.Request request, DataOutputStream out) throws IOException {
        switch (misbehaviour) {
            case GARBAGE -> out.write(GARBAGE);
            case WRONG_CORRELATION_ID -> {
                out.writeInt(4 + 8);
                out.writeInt(request.correlationId() + 1);
                out.write(new byte[8]); // room for any response header's tagged fields
            }
            case OVERSIZED_FRAME -> out.writeInt(Integer.MAX_VALUE);
            case HALF_FRAME_THEN_SILENCE, HALF_FRAME_THEN_CLOSE -> {
                out.writeInt(MisbehavingBroker.HALF_FRAME_SIZE);
                out.writeInt(request.correlationId());
                out.write(new byte[MisbehavingBroker.HALF_FRAME_BYTES_SENT - 4]);
                out.flush();
                return misbehaviour == Misbehaviour.HALF_FRAME_THEN_SILENCE;
            }
            case NEVER_ANSWER -> {
                // read on, answer nothing
            }
            case CLOSE_ON_ACCEPT -> {
                return false;
            }
        }
        return true;
    }
}

package io.kafkaex.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry point, run by kafkaex-core's build:
 * {@code ProtocolGenerator <schema dir> <main output dir> <test output dir> <API or message name>...}.
 * An API name ({@code Metadata}) selects its request and response; any other name ({@code RequestHeader},
 * {@code ConsumerProtocolAssignment}) selects that one schema. Writes one class per message, a samples
 * class per message into the test output, and the {@code ApiKey} enum of the selected APIs.
 */
public final class ProtocolGenerator {

    private ProtocolGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: ProtocolGenerator <schema dir> <main out> <test out> <names>...");
        }
        Path schemas = Path.of(args[0]);
        Path mainOut = Path.of(args[1]);
        Path testOut = Path.of(args[2]);
        List<String> names = Arrays.stream(args, 3, args.length).flatMap(arg -> Arrays.stream(arg.split("[,\\s]+")))
                .filter(name -> !name.isBlank()).toList();
        generate(schemas, mainOut, testOut, names);
    }

    static void generate(Path schemas, Path mainOut, Path testOut, List<String> names) throws IOException {
        SchemaParser parser = new SchemaParser();
        List<MessageSpec> requests = new ArrayList<>();
        List<MessageSpec> messages = new ArrayList<>();
        for (String name : names) {
            for (String file : files(schemas, name)) {
                MessageSpec spec = parser.parse(schemas.resolve(file));
                messages.add(spec);
                if (spec.type().equals("request")) {
                    requests.add(spec);
                }
            }
        }
        Path messageDir = mainOut.resolve(MessageWriter.PACKAGE.replace('.', '/'));
        Path sampleDir = testOut.resolve(MessageWriter.PACKAGE.replace('.', '/'));
        Files.createDirectories(messageDir);
        Files.createDirectories(sampleDir);
        for (MessageSpec spec : messages) {
            write(messageDir.resolve(spec.name() + ".java"), new MessageWriter(spec).source());
            write(sampleDir.resolve(spec.name() + "Samples.java"), new SampleWriter(spec).source());
        }
        write(mainOut.resolve("io/kafkaex/protocol/ApiKey.java"), ApiKeyWriter.source(requests));
        write(testOut.resolve(MessageWriter.PACKAGE.replace('.', '/') + "/GeneratedMessages.java"),
                CatalogWriter.source(messages));
    }

    private static List<String> files(Path schemas, String name) {
        Path request = schemas.resolve(name + "Request.json");
        if (Files.exists(request)) {
            return List.of(name + "Request.json", name + "Response.json");
        }
        if (Files.exists(schemas.resolve(name + ".json"))) {
            return List.of(name + ".json");
        }
        throw new IllegalArgumentException("No schema for " + name + " in " + schemas);
    }

    private static void write(Path file, String source) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(source)) {
            return; // unchanged: keep the timestamp so incremental compilation stays incremental
        }
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }
}

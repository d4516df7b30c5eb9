package io.jenkins.plugins.containerrollout.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The one JSON form of report entries, shared by the Jenkins build folder ({@code entries.json}) and the CLI's run
 * file. {@link ReportEntry} is a sealed interface without type information, so a mixin adds a {@code "kind"} property
 * naming it ({@code build}, {@code rollout}, {@code tests}, {@code verification}) and the records stay free of any
 * file format. Instants are RFC 3339 text, so no JSR-310 module is needed, and unknown properties are ignored, so a
 * file written by a newer version still loads.
 *
 * <p>Usage: {@code List<ReportEntry> entries = ReportEntryJson.read(bytes);}
 */
public final class ReportEntryJson {
    private static final TypeReference<List<ReportEntry>> LIST = new TypeReference<>() {
    };

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .addMixIn(ReportEntry.class, EntryKinds.class)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantText())
                    .addDeserializer(Instant.class, new InstantParser()));

    static {
        // a single-app rollout is written as before (no "stack": null), so files stay as they were for older readers
        MAPPER.configOverride(StackTag.class).setIncludeAsProperty(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.NON_NULL));
    }

    private ReportEntryJson() {
    }

    /** A JSON array of the entries. */
    public static byte[] write(List<ReportEntry> entries) throws IOException {
        return MAPPER.writerFor(LIST).writeValueAsBytes(entries);
    }

    /** The entries of a JSON array written by {@link #write}. */
    public static List<ReportEntry> read(byte[] json) throws IOException {
        return MAPPER.readValue(json, LIST);
    }

    /** One entry as one line of JSON (no line breaks inside), for append-only files. */
    public static String line(ReportEntry entry) throws IOException {
        return MAPPER.writerFor(ReportEntry.class).writeValueAsString(entry);
    }

    /** One entry written by {@link #line}. */
    public static ReportEntry parse(String line) throws IOException {
        return MAPPER.readValue(line, ReportEntry.class);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ReportEntry.Build.class, name = "build"),
            @JsonSubTypes.Type(value = ReportEntry.Rollout.class, name = "rollout"),
            @JsonSubTypes.Type(value = ReportEntry.Tests.class, name = "tests"),
            @JsonSubTypes.Type(value = ReportEntry.Verification.class, name = "verification")})
    private interface EntryKinds {
    }

    private static final class InstantText extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantParser extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Instant.parse(p.getValueAsString());
        }
    }
}

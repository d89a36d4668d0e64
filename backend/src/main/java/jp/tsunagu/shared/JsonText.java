package jp.tsunagu.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Optional;

/**
 * Every string of a JSON body is read through {@link HostileText}: NUL, control characters (but tabs and line
 * breaks), unpaired surrogates and U+FFFD are refused as a 400 naming the field, so nothing of them is stored.
 */
@Singleton
class JsonText implements ObjectMapperCustomizer {

    /** Thrown for a refused string; {@link ProblemMappers} words it for people. */
    static final class HostileStringException extends InvalidFormatException {
        HostileStringException(JsonParser p, String message, String value) {
            super(p, message, value, String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("tsunagu-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                Optional<String> problem = HostileText.inText(value);
                if (problem.isPresent()) {
                    throw new HostileStringException(p, problem.get(), value);
                }
                return value;
            }
        });
        mapper.registerModule(module);
    }
}

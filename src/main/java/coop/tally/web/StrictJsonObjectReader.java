package coop.tally.web;

import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a request body as exactly one JSON object. Anything after the object (a second object,
 * a stray brace) makes the whole body malformed: a lenient reader would post the first part of
 * a body the client did not mean to send.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER)
public class StrictJsonObjectReader implements MessageBodyReader<JsonObject> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream body) {
        try (JsonParser parser = JsonBuilders.JSON.createParser(body)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ApiProblem(400, "MALFORMED_JSON", "The request body must be one JSON object.");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new ApiProblem(400, "MALFORMED_JSON", "The request body has content after its JSON object.");
            }
            return object;
        } catch (JsonParsingException | java.util.NoSuchElementException malformed) {
            throw new ApiProblem(400, "MALFORMED_JSON", "The request body is not valid JSON.");
        }
    }
}

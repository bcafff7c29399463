package coop.tally.web;

import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body: exactly one JSON object of UTF-8 text, with no member twice and
 * only well-formed text in it (see {@link StrictJson}). Every resource takes its body as a
 * {@link JsonObject}, so this is the one place a body's text comes in.
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
                               MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        // the whole body is read before it is decoded, so that a byte that is not UTF-8 is refused
        // rather than replaced; RequestSizeLimitFilter bounds it to 64 KB
        return StrictJson.readObject(body.readAllBytes());
    }
}

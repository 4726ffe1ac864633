package dev.gatehouse.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON in and out. Reading is strict: unknown fields, trailing tokens and duplicate fields are
 * refused, and so are wrong types, with no scalar coercion (a number or boolean is not a string,
 * a string is not a number). Its errors never echo the request, so a secret in a malformed body
 * stays out of the answer and the logs.
 */
final class RestJson {
  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, config -> config
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw RestInputException.malformed("a JSON request body is required");
    }
    T value;
    try {
      value = mapper.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw RestInputException.invalid(List.of(new RestFieldError(path(e), "is not a known field")));
    } catch (MismatchedInputException e) {
      String path = path(e);
      if (path.isEmpty()) {
        throw RestInputException.malformed("the request body must be a JSON object");
      }
      throw RestInputException.invalid(List.of(new RestFieldError(path, "has the wrong type")));
    } catch (StreamReadException e) {
      if (isDuplicateField(e)) {
        throw RestInputException.malformed("the request body names a field twice" + where(e.getLocation()));
      }
      throw RestInputException.malformed("the request body is not valid JSON" + where(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw RestInputException.malformed("the request body is not valid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      throw RestInputException.malformed("the request body could not be read");
    }
    if (value == null) {
      throw RestInputException.malformed("the request body must be a JSON object");
    }
    return value;
  }

  byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** For tests and the OpenAPI document: a generic tree. */
  ObjectMapper mapper() {
    return mapper;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /** Jackson's duplicate detection (STRICT_DUPLICATE_DETECTION) has no exception type of its own. */
  private static boolean isDuplicateField(StreamReadException e) {
    String message = e.getOriginalMessage();
    return message != null && message.startsWith("Duplicate field ");
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}

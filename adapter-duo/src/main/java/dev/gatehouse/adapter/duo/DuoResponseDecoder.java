package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * Reads Duo's success envelope {@code {"stat":"OK","response":...}} into the method's type;
 * {@code stat: FAIL} becomes a {@link DuoApiException}, anything unreadable a
 * {@link DuoProtocolException}.
 */
final class DuoResponseDecoder implements Decoder {
  static final int MAX_BODY_BYTES = 1 << 20;

  private final ObjectMapper mapper;
  private final JacksonDecoder json;

  DuoResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.json = new JacksonDecoder(mapper);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    int status = response.status();
    JsonNode root;
    try {
      root = (JsonNode) json.decode(response, JsonNode.class);
    } catch (IOException | RuntimeException e) {
      throw new DuoProtocolException(status, "Duo's answer is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw new DuoProtocolException(status, "Duo's answer is empty or not a JSON object");
    }
    String stat = root.path("stat").asText("");
    if ("FAIL".equalsIgnoreCase(stat)) {
      throw DuoErrorDecoder.fromEnvelope(status, root, null);
    }
    if (!"OK".equalsIgnoreCase(stat)) {
      throw new DuoProtocolException(status, stat.isEmpty()
          ? "Duo's answer has no stat" : "Duo's answer has an unknown stat");
    }
    JsonNode body = root.get("response");
    if (body == null || body.isNull()) {
      throw new DuoProtocolException(status, "Duo's answer has no response");
    }
    try {
      return mapper.readerFor(mapper.constructType(type)).readValue(body);
    } catch (IOException | RuntimeException e) {
      throw new DuoProtocolException(status, "Duo's response does not have the expected shape" + where(e), e);
    }
  }

  /** Where in Duo's response the shape broke, as JSON field names (never Java type names). */
  private static String where(Exception e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : " (at " + path + ")";
  }

  static String header(Response response, String name) {
    Collection<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? "" : values.iterator().next();
  }

  static byte[] bytes(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
      if (data.length > MAX_BODY_BYTES) {
        throw new DuoProtocolException(response.status(), "Duo's answer is larger than " + MAX_BODY_BYTES + " bytes");
      }
      return data;
    } finally {
      Util.ensureClosed(response.body());
    }
  }
}

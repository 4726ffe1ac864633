package dev.gatehouse.duosim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper and the Duo envelopes. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode ok(Object response) {
    ObjectNode root = object();
    root.put("stat", "OK");
    root.set("response", MAPPER.valueToTree(response));
    return root;
  }

  static ObjectNode fail(int code, String message, String detail) {
    ObjectNode root = object();
    root.put("code", code);
    root.put("message", message);
    if (detail != null) {
      root.put("message_detail", detail);
    }
    root.put("stat", "FAIL");
    return root;
  }

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

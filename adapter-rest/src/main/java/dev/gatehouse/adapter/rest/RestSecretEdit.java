package dev.gatehouse.adapter.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.gatehouse.domain.entry.EntrySecret;
import dev.gatehouse.domain.entry.SecretChange;
import java.io.IOException;

/**
 * The {@code secret} of an entry edit, where JSON {@code null} and an absent field differ: an
 * object replaces the secret, {@code null} removes it, and an absent field (a null reference
 * here) keeps it.
 */
@JsonDeserialize(using = RestSecretEdit.Reader.class)
record RestSecretEdit(RestSecretRequest replacement) {
  /** What {@code "secret": null} reads as. */
  static final RestSecretEdit CLEAR = new RestSecretEdit(null);

  /** The change (an absent field is {@link SecretChange#KEEP}), or null after recording an invalid secret. */
  static SecretChange toDomain(RestSecretEdit edit, RestFields fields) {
    if (edit == null) {
      return SecretChange.KEEP;
    }
    if (edit.replacement() == null) {
      return SecretChange.CLEAR;
    }
    EntrySecret secret = edit.replacement().toDomain(fields);
    return secret == null ? null : new SecretChange.Replace(secret);
  }

  @Override
  public String toString() {
    return replacement == null ? "RestSecretEdit[clear]" : "RestSecretEdit[redacted]";
  }

  /** Reads an object as a replacement and JSON null as {@link #CLEAR}; an absent field stays null. */
  static final class Reader extends StdDeserializer<RestSecretEdit> {
    Reader() {
      super(RestSecretEdit.class);
    }

    @Override
    public RestSecretEdit deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return new RestSecretEdit(context.readValue(parser, RestSecretRequest.class));
    }

    @Override
    public RestSecretEdit getNullValue(DeserializationContext context) {
      return CLEAR;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null;
    }
  }
}

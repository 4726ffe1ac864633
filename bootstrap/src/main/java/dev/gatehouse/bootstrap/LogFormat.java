package dev.gatehouse.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.gatehouse.domain.common.InvalidValueException;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * How {@code serve} writes its log lines on stderr: {@code text} ({@link LogConfiguration}'s pattern) or
 * {@code json}, one JSON object per line from Logback's own {@link JsonEncoder} with the level,
 * logger, thread, formatted message, logging context (the request id) and any throwable.
 */
enum LogFormat {
  TEXT,
  JSON;

  /** The appender {@link LogConfiguration} writes stderr with. */
  static final String APPENDER = "STDERR";

  static LogFormat parse(String text) {
    if (text == null) {
      return TEXT;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("--log-format", "must be text or json");
    }
  }

  /** Switches the stderr appender to this format (text is {@link LogConfiguration}'s own, left as it is). */
  void apply() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (this == TEXT || !(factory instanceof LoggerContext context)) {
      return;
    }
    Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
    if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
      stream.stop();
      stream.setEncoder(jsonEncoder(context));
      stream.start();
    }
  }

  /** Logback's JSON encoder without the unformatted message and its raw arguments (the formatted one says it). */
  static JsonEncoder jsonEncoder(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithArguments(false);
    encoder.start();
    return encoder;
  }
}

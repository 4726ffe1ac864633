package dev.gatehouse.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The executable's logging, set up in code: Logback finds this through {@code ServiceLoader}
 * instead of parsing an XML file, which cost every command that logs about 0.2 s of start-up
 * (the XML parser and Joran's ~500 classes). Everything goes to stderr so that stdout stays the
 * command's answer; the REST access log and serve's database wait are the only INFO lines, and
 * Hikari's per-connection "marked as broken" warnings are off. A {@code logback-test.xml} on the
 * class path or {@code -Dlogback.configurationFile} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
  /** A request's lines carry its id ({@code [X-Request-Id]}); other lines have none. */
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    toStderr(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets {@code context} up as the executable logs: the pattern on stderr, WARN but for the two INFO loggers. */
  static void toStderr(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(LogFormat.APPENDER);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    context.getLogger("dev.gatehouse.adapter.rest").setLevel(Level.INFO);
    context.getLogger("dev.gatehouse.bootstrap").setLevel(Level.INFO);
    // A connection the database closed (shut down, restarted) is reported once per request as a
    // storage problem and once per state change by the embedded server's watcher; Hikari's WARN
    // with a stack trace per pooled connection adds nothing.
    context.getLogger("com.zaxxer.hikari.pool.ProxyConnection").setLevel(Level.ERROR);
  }
}

package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogConfigurationTest {

  @Test
  void logbackFindsItAsAService() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type).toList())
        .contains(LogConfiguration.class);
  }

  @Test
  void writesWarningsAndTheTwoInfoLoggersToStderrWithTheRequestIdWhenThereIsOne() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      LogConfiguration.toStderr(context);
      org.slf4j.Logger rest = context.getLogger("dev.gatehouse.adapter.rest.AccessLog");
      MDC.put("requestId", "edge-42.a");
      try {
        rest.info("GET /health 200");
      } finally {
        MDC.remove("requestId");
      }
      context.getLogger("dev.gatehouse.bootstrap.DatabaseWait").info("waiting");
      context.getLogger("com.zaxxer.hikari.HikariDataSource").info("pool started");
      context.getLogger("org.flywaydb.core.Flyway").warn("careful");
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogFormat.APPENDER))
          .as("the appender serve's --log-format json switches").isNotNull();
    } finally {
      System.setErr(stderr);
      context.stop();
    }

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  "
        + "d\\.g\\.a\\.rest\\.AccessLog \\[edge-42\\.a] - GET /health 200");
    assertThat(lines.get(1)).endsWith(" INFO  d.g.b.DatabaseWait - waiting");
    assertThat(lines.get(2)).endsWith(" WARN  o.f.core.Flyway - careful");
  }
}

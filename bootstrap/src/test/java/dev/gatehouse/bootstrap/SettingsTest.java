package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapter.cli.RuntimeOptions;
import dev.gatehouse.domain.common.InvalidValueException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The composition root's settings: defaults from the environment, and bad global options as invalid input. */
class SettingsTest {
  private static final RuntimeOptions NONE = new RuntimeOptions(Optional.empty(), Optional.empty(), Optional.empty());

  @Test
  void theDefaultDataDirectoryFollowsHomeFromTheEnvironment() {
    Settings settings = Settings.from(NONE, Map.of("HOME", "/home/somebody-else"));

    assertThat(settings.dataDir()).isEqualTo(Path.of("/home/somebody-else", ".gatehouse"));
  }

  @Test
  void withoutHomeTheDefaultDataDirectoryFallsBackToTheUserHomeProperty() {
    assertThat(Settings.from(NONE, Map.of()).dataDir())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".gatehouse").toAbsolutePath());
    assertThat(Settings.from(NONE, Map.of("HOME", "")).dataDir())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".gatehouse").toAbsolutePath());
  }

  @Test
  void anEmptyDataDirectoryOrCaFileIsInvalidInsteadOfTheCurrentDirectory() {
    assertThatThrownBy(() -> Settings.from(new RuntimeOptions(Optional.of(Path.of("")), Optional.empty(),
        Optional.empty()), Map.of()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("--data-dir"));
    assertThatThrownBy(() -> Settings.from(new RuntimeOptions(Optional.empty(), Optional.empty(),
        Optional.of(Path.of(""))), Map.of()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("--duo-ca-file"));
  }

  @Test
  void aDatabaseUrlThatIsNotPostgresqlIsInvalidInputNamingTheOptionButNotTheUrl() {
    for (String url : new String[] {"nonsense", "", "  ", "postgres://user:secret@db/gatehouse"}) {
      assertThatThrownBy(() -> Settings.from(new RuntimeOptions(Optional.empty(), Optional.of(url), Optional.empty()),
          Map.of("HOME", "/home/x")))
          .as(url)
          .isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("--database-url");
            assertThat(e.getMessage()).doesNotContain("secret");
          });
    }
  }

  @Test
  void aPostgresqlUrlIsTakenWithTheUserAndPasswordFromTheEnvironment() {
    Settings settings = Settings.from(new RuntimeOptions(Optional.empty(),
        Optional.of("jdbc:postgresql://db.example/gatehouse"), Optional.empty()),
        Map.of("HOME", "/home/x", "GATEHOUSE_DATABASE_USER", "gh", "GATEHOUSE_DATABASE_PASSWORD", "pw"));

    assertThat(settings.database()).hasValueSatisfying(db -> {
      assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/gatehouse");
      assertThat(db.user()).hasValue("gh");
      assertThat(db.password()).hasValue("pw");
    });
  }
}

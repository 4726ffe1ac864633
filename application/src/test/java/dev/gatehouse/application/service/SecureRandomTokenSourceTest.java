package dev.gatehouse.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecureRandomTokenSourceTest {
  private final SecureRandomTokenSource source = new SecureRandomTokenSource();

  @Test
  void publicIdsNeverStartLikeACommandLineOption() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ids.add(source.newSessionId().value());
      ids.add(source.newTokenId().value());
      ids.add(source.newEntryId().value());
      ids.add(source.newChallengeId().value());
      ids.add(source.newWorkspaceId().value());
    }

    // Without the rule about 1 in 32 of these 10,000 ids would start with - or _.
    assertThat(ids).allSatisfy(id -> assertThat(Character.isLetterOrDigit(id.charAt(0))).as(id).isTrue());
    assertThat(ids).doesNotHaveDuplicates();
  }
}

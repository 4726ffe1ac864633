package dev.gatehouse.application.port.in.session;

import java.util.List;

/** The workspace's live sessions, newest first. */
public interface ListSessionsUseCase {
  List<SessionSummary> list(ListSessionsQuery query);
}

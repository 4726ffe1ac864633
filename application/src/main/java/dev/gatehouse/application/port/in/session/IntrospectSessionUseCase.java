package dev.gatehouse.application.port.in.session;

/**
 * Introspects a workspace session token. Throws
 * {@link dev.gatehouse.application.port.in.AccessDeniedException} when the caller is neither an
 * administrator nor holds a token with scope introspect.
 */
public interface IntrospectSessionUseCase {
  Introspection introspect(IntrospectSessionQuery query);
}

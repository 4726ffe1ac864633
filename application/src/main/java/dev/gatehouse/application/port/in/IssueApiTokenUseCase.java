package dev.gatehouse.application.port.in;

/** Issues API tokens. */
public interface IssueApiTokenUseCase {
  IssuedApiToken issue(IssueApiTokenCommand command);
}

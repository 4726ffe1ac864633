package dev.gatehouse.application.port.in;

/** A finished master key rotation: the key ids before and after, and how many wrapped keys moved. */
public record MasterKeyRotated(String previousKeyId, String currentKeyId, int rewrapped) {}

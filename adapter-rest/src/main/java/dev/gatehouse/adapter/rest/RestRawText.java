package dev.gatehouse.adapter.rest;

/** A body that is not JSON, written as it is with its own content type. */
record RestRawText(String contentType, byte[] bytes) {}

package dev.gatehouse.adapter.rest;

/** A JSON document served as it is stored (the checked-in OpenAPI file). */
record RestRawJson(byte[] bytes) {}

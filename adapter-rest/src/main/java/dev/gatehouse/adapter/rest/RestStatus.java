package dev.gatehouse.adapter.rest;

/** The body of {@code /health} and {@code /ready}. */
record RestStatus(String status) {}

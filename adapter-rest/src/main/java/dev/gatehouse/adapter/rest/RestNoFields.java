package dev.gatehouse.adapter.rest;

/** The body of an operation that takes no fields (such as unlock): {@code {}} at most. */
record RestNoFields() {}

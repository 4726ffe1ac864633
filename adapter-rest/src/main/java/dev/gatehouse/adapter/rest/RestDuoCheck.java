package dev.gatehouse.adapter.rest;

/** The answer of Check: {@code passed}, or {@code failed} with the problem class and Duo's message. */
record RestDuoCheck(String result, String problem, String message) {}

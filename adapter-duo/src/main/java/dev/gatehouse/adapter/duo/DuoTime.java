package dev.gatehouse.adapter.duo;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code response} of {@code /ping} and {@code /check}: Duo's clock in Unix seconds. */
record DuoTime(@JsonProperty("time") Long time) {}

package io.srecopilot.incidents.rest;

import java.util.List;

/** A complete, unpaged list: {@code {items: […]}}. */
public record Items<T>(List<T> items) {
}

package com.cti.bench.events;

import java.util.List;

/**
 * A fixture's sequence of events (a call with its legs, an SMS thread, a single other
 * event), compiled for rendering with fresh ids.
 *
 * @param name the fixture name
 * @param events the events in delivery order
 * @param idCount how many distinct ids a rendering needs
 * @param weight how often it is picked relative to the others
 */
public record Lifecycle(String name, List<EventTemplate> events, int idCount, double weight) {
}

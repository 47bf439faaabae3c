package org.portal.events;

/** A change event that arrived from Redis, fired as a CDI event for the beans that cache its facts. */
public record ReceivedChange(ChangeEvent event) {
}

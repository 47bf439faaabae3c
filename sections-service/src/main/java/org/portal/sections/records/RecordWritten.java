package org.portal.sections.records;

/**
 * A record was created or its values changed (fired inside the transaction), for features above the
 * records that report changes, such as webhooks.
 */
public record RecordWritten(RecordEntity record, boolean created) {
}

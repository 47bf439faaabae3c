package org.portal.users.users;

/** A person became an active portal user of an account (approved, invited, or linked by staff); fired in that transaction. */
public record UserJoined(PortalUser user) {
}

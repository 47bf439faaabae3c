package org.portal.users.users;

/** A portal user was blocked, by portal staff or by an administrator of their account; fired in that transaction. */
public record UserBlocked(PortalUser user, boolean byStaff) {
}

package org.portal.users.users;

/** Which records a portal user sees: only their own, or all of their account's. */
public enum AccessScope {
    own,
    account
}

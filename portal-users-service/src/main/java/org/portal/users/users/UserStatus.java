package org.portal.users.users;

public enum UserStatus {
    pending,
    active,
    blocked
}

package org.portal.users.accounts;

import java.time.Instant;
import java.util.UUID;

public record AccountView(UUID id, String name, Instant createdAt) {

    public static AccountView from(Account account) {
        return new AccountView(account.id, account.name, account.createdAt);
    }
}

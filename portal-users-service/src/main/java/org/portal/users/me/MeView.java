package org.portal.users.me;

import java.util.List;
import java.util.UUID;

import org.portal.users.licensing.EntitlementView;
import org.portal.users.users.AccessScope;
import org.portal.users.users.Preferences;
import org.portal.users.users.UserStatus;

/**
 * Everything a front end needs to draw the signed-in user's portal in one call: who they are, their
 * account, and what their seat grants ({@code edition} null and no sections without a valid seat).
 */
public record MeView(UUID id, String email, String displayName, Account account, UserStatus status,
        AccessScope accessScope, boolean accountAdmin, String edition, List<EntitlementView.SectionGrant> sections,
        Integer dailyCallLimit, Preferences preferences) {

    public record Account(UUID id, String name) {
    }
}

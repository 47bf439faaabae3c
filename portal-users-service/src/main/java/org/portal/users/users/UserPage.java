package org.portal.users.users;

import java.util.List;

public record UserPage(List<PortalUserView> items, int offset, int limit, long total) {
}

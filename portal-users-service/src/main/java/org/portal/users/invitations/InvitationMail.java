package org.portal.users.invitations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The invitation mail (templates/mail/invitation.txt). */
@CheckedTemplate(basePath = "mail")
final class InvitationMail {

    private InvitationMail() {
    }

    static native TemplateInstance invitation(String name, String account, String link, String validUntil,
            boolean setPasswordMail);
}

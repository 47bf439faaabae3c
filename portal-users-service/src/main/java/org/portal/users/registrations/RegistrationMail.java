package org.portal.users.registrations;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The mails a registrant receives (templates/mail/registration*.txt). */
@CheckedTemplate(basePath = "mail")
final class RegistrationMail {

    private RegistrationMail() {
    }

    static native TemplateInstance registrationReceived(String name, String company);

    static native TemplateInstance registrationApproved(String name, String account, String edition, String portalUrl);

    static native TemplateInstance registrationRejected(String name, String note);
}

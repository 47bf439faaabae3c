package org.portal.users.notifications;

import io.quarkus.qute.TemplateInstance;

/** A notification template rendered: its first line, "Subject: ...", is the subject; the rest is the body. */
record RenderedMail(String subject, String body) {

    static RenderedMail of(TemplateInstance template) {
        String[] rendered = template.render().split("\n", 2);
        return new RenderedMail(rendered[0].replaceFirst("^Subject: ", "").strip(),
                rendered.length > 1 ? rendered[1].strip() : "");
    }
}

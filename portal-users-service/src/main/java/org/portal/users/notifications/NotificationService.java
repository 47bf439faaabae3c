package org.portal.users.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.problem.NotFound;
import org.portal.users.config.UsersConfig;
import org.portal.users.mail.MailOutbox;
import org.portal.users.mail.OutgoingMail;
import org.portal.users.users.PortalUser;
import org.portal.users.users.UserStatus;

import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Turns a service's notification into a mail in the outbox, once: in the recipient's language where
 * their preferences name one (English otherwise), unless they muted that kind or are not active.
 */
@ApplicationScoped
public class NotificationService {

    private final MailOutbox outbox;
    private final Engine templates;
    private final UsersConfig config;

    public NotificationService(MailOutbox outbox, Engine templates, UsersConfig config) {
        this.outbox = outbox;
        this.templates = templates;
        this.config = config;
    }

    /** What became of the request: queued as a mail, or left out and why. */
    public enum Outcome {
        QUEUED,
        ALREADY_QUEUED,
        MUTED,
        NOT_ACTIVE
    }

    @Transactional
    public Outcome accept(NotificationRequest request) {
        if (OutgoingMail.count("notificationId", request.id()) > 0) {
            return Outcome.ALREADY_QUEUED;
        }
        PortalUser user = PortalUser.<PortalUser> findByIdOptional(request.recipientUserId())
                .orElseThrow(() -> new NotFound("No portal user " + request.recipientUserId()));
        if (user.status != UserStatus.active) {
            Log.infof("Notification %s (%s) not sent: user %s is %s", request.id(), request.kind().code(), user.id,
                    user.status);
            return Outcome.NOT_ACTIVE;
        }
        if (user.preferences != null && user.preferences.mutedNotifications() != null
                && user.preferences.mutedNotifications().contains(request.kind().code())) {
            return Outcome.MUTED;
        }
        Map<String, Object> data = new HashMap<>(request.facts());
        data.put("name", user.displayName == null ? user.email : user.displayName);
        data.put("portalUrl", config.portalUrl().toString().replaceAll("/$", ""));
        RenderedMail mail = RenderedMail.of(template(request.kind(), language(user)).data(data));
        outbox.enqueue(request.kind().code(), user.email, mail.subject(), mail.body(), request.id(), user.id);
        return Outcome.QUEUED;
    }

    /** The kind's template in the language, or the English one; its first line is the subject. */
    private Template template(NotificationKind kind, String language) {
        Template translated = language == null ? null : templates.getTemplate("notifications/" + kind.code() + "_" + language);
        return translated != null ? translated : templates.getTemplate("notifications/" + kind.code());
    }

    private static String language(PortalUser user) {
        String tag = user.preferences == null ? null : user.preferences.language();
        return tag == null ? null : Locale.forLanguageTag(tag).getLanguage();
    }
}

package org.portal.users.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.users.config.UsersConfig;
import org.portal.users.identity.IdentityProvider;
import org.portal.users.identity.IdentityProviderUnavailable;
import org.portal.users.mail.MailConfig;
import org.portal.users.mail.MailOutbox;

import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.scheduler.Scheduled;

/**
 * Mails staff notices to the portal administrators the identity provider names at the time of
 * sending (staff have no address here). Each round locks the due notices it takes ({@code SKIP
 * LOCKED}, so replicas share the work) and turns each into one mail per administrator in the outbox,
 * in one transaction; the provider out of reach puts the round's notices off, the wait doubling as for
 * mail.
 */
@ApplicationScoped
public class StaffNoticeRelay {

    private static final int BATCH = 20;

    private final IdentityProvider identityProvider;
    private final MailOutbox outbox;
    private final Engine templates;
    private final UsersConfig config;
    private final MailConfig mail;
    private final Clock clock;

    public StaffNoticeRelay(IdentityProvider identityProvider, MailOutbox outbox, Engine templates, UsersConfig config,
            MailConfig mail, Clock clock) {
        this.identityProvider = identityProvider;
        this.outbox = outbox;
        this.templates = templates;
        this.config = config;
        this.mail = mail;
        this.clock = clock;
    }

    @Scheduled(every = "${portal.notifications.staff-every:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void mailDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<StaffNotice> due = StaffNotice.getEntityManager().createNativeQuery("""
                SELECT * FROM staff_notices WHERE mailed_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""", StaffNotice.class)
                .setParameter("now", now).setParameter("batch", BATCH).getResultList();
        if (due.isEmpty()) {
            return;
        }
        List<String> staff;
        try {
            staff = identityProvider.staffAddresses();
        } catch (IdentityProviderUnavailable e) {
            for (StaffNotice notice : due) {
                notice.attempts++;
                notice.lastError = "the identity provider did not name the portal administrators";
                notice.nextAttemptAt = now.plus(mail.delayAfter(notice.attempts));
            }
            Log.warnf("%d staff notices put off: the identity provider did not name the portal administrators", due.size());
            return;
        }
        for (StaffNotice notice : due) {
            mail(notice, staff);
            notice.mailedAt = now;
        }
    }

    private void mail(StaffNotice notice, List<String> staff) {
        if (staff.isEmpty()) {
            notice.lastError = "no enabled portal administrator has an e-mail address";
            Log.warnf("Staff notice %s (%s) reached nobody: %s", notice.id, notice.kind, notice.lastError);
            return;
        }
        Map<String, Object> data = new HashMap<>(notice.facts);
        data.put("portalUrl", config.portalUrl().toString().replaceAll("/$", ""));
        RenderedMail rendered = RenderedMail.of(templates.getTemplate("staff/" + notice.kind).data(data));
        for (String address : staff) {
            UUID mailId = UUID.nameUUIDFromBytes((notice.id + "|" + address).getBytes(StandardCharsets.UTF_8));
            outbox.enqueue(notice.kind, address, rendered.subject(), rendered.body(), mailId, null);
        }
    }
}

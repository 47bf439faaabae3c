package org.portal.sections.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.portal.audit.AuditTrail;
import org.portal.problem.CommonProblems;
import org.portal.problem.NotFound;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.sections.access.Viewer;
import org.portal.sections.cases.CaseComment;
import org.portal.sections.definitions.Section;
import org.portal.sections.records.RecordService;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Files on records and case comments. An upload reserves its row (pending) in one transaction, stores
 * the bytes with no lock held, then marks the row stored: a failure between the two removes both,
 * and an upload that died with its process is swept up within the hour, so a half-done upload leaves
 * neither an object nor a row behind. A file is within reach exactly when its record is; a file on
 * an internal note is staff's only, like the note.
 */
@ApplicationScoped
public class AttachmentService {

    public static final ProblemType TOO_LARGE = new ProblemType("file-too-large", "The file is too large", 413);
    public static final ProblemType TYPE_NOT_ALLOWED = new ProblemType("file-type-not-allowed",
            "Files of this type are not taken", 415);
    public static final ProblemType NOT_TAKEN = new ProblemType("files-not-taken", "This section takes no files", 422);
    public static final ProblemType LIMIT_REACHED = new ProblemType("attachment-limit",
            "The record has all the files it may have",
            409);
    private static final ProblemType STORE_UNAVAILABLE = CommonProblems.UNAVAILABLE;
    /** An upload still pending after this died half-way. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final RecordService records;
    private final ObjectStore store;
    private final AttachmentSettings settings;
    private final Clock clock;
    private final AuditTrail audit;

    public AttachmentService(RecordService records, ObjectStore store, AttachmentSettings settings, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.records = records;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A file the client sent: where the server put it, the name and size it says it has. */
    public record Upload(Path file, String fileName, long size) {
    }

    public AttachmentView upload(Section section, Viewer viewer, UUID recordId, UUID commentId, Upload upload) {
        if (upload.size() > settings.maxFileSize()) {
            throw new ProblemException(TOO_LARGE, "A file may have at most " + settings.maxFileSize() + " bytes; this one has "
                    + upload.size());
        }
        if (upload.size() == 0) {
            throw new ProblemException(CommonProblems.BAD_REQUEST, "The file is empty");
        }
        String contentType = sniff(upload.file());
        String sha256 = sha256(upload.file());
        Attachment pending = QuarkusTransaction.requiringNew()
                .call(() -> reserve(section, viewer, recordId, commentId, upload, contentType, sha256));
        try {
            store.put(pending.objectKey, upload.file(), contentType);
        } catch (SdkException e) {
            QuarkusTransaction.requiringNew().run(() -> Attachment.deleteById(pending.id));
            Log.warnf("Storing attachment %s failed: %s", pending.id, e.toString());
            throw new ProblemException(STORE_UNAVAILABLE, "The file store cannot take files right now; try again shortly");
        }
        QuarkusTransaction.requiringNew().run(() -> Attachment.update("stored = true where id = ?1", pending.id));
        pending.stored = true;
        return AttachmentView.from(pending);
    }

    public List<AttachmentView> list(Section section, Viewer viewer, UUID recordId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            records.reachable(section, viewer, recordId);
            String visible = viewer.staff() ? "" : " and internal = false";
            return Attachment.<Attachment> list("recordId = ?1 and stored = true" + visible, Sort.by("createdAt").and("id"),
                    recordId).stream().map(AttachmentView::from).toList();
        });
    }

    /** The file's description and its bytes; the caller closes the stream. */
    public Download download(Section section, Viewer viewer, UUID recordId, UUID attachmentId) {
        Attachment attachment = QuarkusTransaction.requiringNew().call(() -> find(section, viewer, recordId, attachmentId));
        try {
            return new Download(AttachmentView.from(attachment), store.get(attachment.objectKey));
        } catch (SdkException e) {
            Log.warnf("Reading attachment %s failed: %s", attachment.id, e.toString());
            throw new ProblemException(STORE_UNAVAILABLE, "The file store cannot give files right now; try again shortly");
        }
    }

    public record Download(AttachmentView attachment, InputStream bytes) {
    }

    /** Staff remove a file: the row at once, then its object (one left behind by a failure is only unused bytes). */
    public void remove(Section section, Viewer viewer, UUID recordId, UUID attachmentId) {
        Attachment attachment = QuarkusTransaction.requiringNew().call(() -> {
            Attachment found = find(section, viewer, recordId, attachmentId);
            audit.record("attachment.removed", "attachment", found.id, null, AttachmentView.from(found), null);
            Attachment.deleteById(found.id);
            return found;
        });
        deleteObject(attachment);
    }

    /** Uploads that died half-way: their rows and whatever bytes they left. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepAbandoned() {
        Instant before = Instant.now(clock).minus(ABANDONED_AFTER);
        List<Attachment> abandoned = QuarkusTransaction.requiringNew()
                .call(() -> Attachment.<Attachment> list("stored = false and createdAt < ?1", before));
        for (Attachment attachment : abandoned) {
            if (deleteObject(attachment)) {
                QuarkusTransaction.requiringNew().run(() -> Attachment.delete("id = ?1 and stored = false", attachment.id));
            }
        }
    }

    private Attachment reserve(Section section, Viewer viewer, UUID recordId, UUID commentId, Upload upload,
            String contentType, String sha256) {
        // Locked, so that two uploads at the limit cannot both pass the count.
        records.reachable(section, viewer, recordId, LockModeType.PESSIMISTIC_WRITE);
        if (!section.takesFiles()) {
            throw new ProblemException(NOT_TAKEN, "Records of " + section.code() + " take no attachments");
        }
        long held = Attachment.count("recordId", recordId);
        if (held >= settings.maxPerRecord()) {
            throw new ProblemException(LIMIT_REACHED, "A record may have at most " + settings.maxPerRecord() + " files");
        }
        boolean internal = false;
        if (commentId != null) {
            CaseComment comment = CaseComment.findById(commentId);
            if (comment == null || !comment.recordId.equals(recordId) || (comment.internal && !viewer.staff())) {
                throw new NotFound("No comment " + commentId + " on this record");
            }
            internal = comment.internal;
        }
        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.recordId = recordId;
        attachment.commentId = commentId;
        attachment.fileName = FileNames.sanitize(upload.fileName());
        attachment.contentType = contentType;
        attachment.size = upload.size();
        attachment.sha256 = sha256;
        // Random, and unrelated to the record, the account or the name: knowing one key tells nothing of another.
        attachment.objectKey = "attachments/" + UUID.randomUUID();
        attachment.uploadedBy = viewer.subject();
        attachment.internal = internal;
        attachment.createdAt = Instant.now(clock);
        attachment.persist();
        return attachment;
    }

    private Attachment find(Section section, Viewer viewer, UUID recordId, UUID attachmentId) {
        records.reachable(section, viewer, recordId);
        Attachment attachment = Attachment.findById(attachmentId);
        if (attachment == null || !attachment.recordId.equals(recordId) || !attachment.stored
                || (attachment.internal && !viewer.staff())) {
            throw new NotFound("No attachment " + attachmentId + " on this record");
        }
        return attachment;
    }

    private String sniff(Path file) {
        String type;
        try {
            type = ContentSniffer.sniff(file).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (type == null || !settings.allowedTypes().contains(type)) {
            throw new ProblemException(TYPE_NOT_ALLOWED, "Files taken: " + String.join(", ", settings.allowedTypes())
                    + (type == null ? "; this one is none of them" : "; this one is " + type));
        }
        return type;
    }

    private boolean deleteObject(Attachment attachment) {
        try {
            store.delete(attachment.objectKey);
            return true;
        } catch (SdkException e) {
            Log.warnf("Removing the bytes of attachment %s failed (%s); they stay unused in the store", attachment.id,
                    e.toString());
            return false;
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.portal.sections.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.problem.CommonProblems;
import org.portal.problem.InvalidFields;
import org.portal.problem.NotFound;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.FieldDefinition;
import org.portal.sections.definitions.FieldType;
import org.portal.sections.definitions.FieldValues;
import org.portal.sections.definitions.Section;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RecordService {

    public static final int MAX_PAGE = 100;
    public static final ProblemType RECORD_LOCKED = new ProblemType("record-locked", "The record's state keeps its values",
            409);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    private final Event<RecordWritten> written;

    public RecordService(EntityManager em, ObjectMapper json, Clock clock, Event<RecordWritten> written) {
        this.written = written;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    public record ListRequest(String q, String sort, String cursor, int limit, String status, UUID accountId,
            Map<String, String> filters) {
    }

    @Transactional
    public RecordPage list(Section section, Viewer viewer, ListRequest request) {
        ListQuery query = new ListQuery(section, viewer);
        if (request.accountId() != null) {
            query.account(request.accountId());
        }
        if (request.status() != null) {
            query.status(request.status());
        }
        if (request.q() != null && !request.q().isBlank()) {
            query.search(request.q());
        }
        query.filters(request.filters());
        query.sort(request.sort());
        if (request.cursor() != null) {
            query.after(request.cursor());
        }
        List<RecordEntity> rows = query.fetch(em, request.limit() + 1);
        boolean more = rows.size() > request.limit();
        List<RecordEntity> page = more ? rows.subList(0, request.limit()) : rows;
        return new RecordPage(page.stream().map(this::view).toList(), request.limit(),
                more ? query.cursorAfter(page.get(page.size() - 1)) : null);
    }

    @Transactional
    public RecordView get(Section section, Viewer viewer, UUID id) {
        return view(reachable(section, viewer, id));
    }

    public record Created(RecordView record, boolean replayed) {
    }

    /**
     * Creates a record in the viewer's account (staff name the account). With an idempotency key, a
     * retry of the same request answers with the first record and creates nothing.
     */
    @Transactional
    public Created create(Section section, Viewer viewer, RecordInput input, String idempotencyKey) {
        String requestHash = null;
        if (idempotencyKey != null) {
            requestHash = hash(section.code() + "\n" + write(input));
            IdempotencyKey earlier = IdempotencyKey.findById(new IdempotencyKey.Id(viewer.subject(), idempotencyKey));
            if (earlier != null) {
                if (!earlier.requestHash.equals(requestHash)) {
                    throw new ProblemException(CommonProblems.UNPROCESSABLE,
                            "This Idempotency-Key was used for a different request; use a new key for a new record");
                }
                return new Created(view(RecordEntity.findById(earlier.recordId)), true);
            }
        }
        UUID accountId = accountFor(viewer, input);
        ObjectNode values = FieldValues.apply(section, json.createObjectNode(), input.values(), FieldValues.Mode.CREATE);
        checkReferences(section, viewer, accountId, values);
        RecordEntity record = new RecordEntity();
        record.id = UUID.randomUUID();
        record.sectionCode = section.code();
        record.accountId = accountId;
        record.ownerUserId = viewer.staff() ? null : viewer.userId();
        record.contactUserId = viewer.staff() ? input.contactUserId() : null;
        record.createdBy = viewer.subject();
        record.data = values;
        record.searchText = FieldValues.searchText(section, values);
        record.createdAt = Instant.now(clock);
        record.updatedAt = record.createdAt;
        if (section.lifecycle() != null) {
            record.status = section.lifecycle().initial();
            record.statusChangedAt = record.createdAt;
        }
        record.persist();
        addHistory(record.id, viewer.subject(), "created", FieldValues.changes(json.createObjectNode(), values));
        if (idempotencyKey != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.id = new IdempotencyKey.Id(viewer.subject(), idempotencyKey);
            key.sectionCode = section.code();
            key.requestHash = requestHash;
            key.recordId = record.id;
            key.createdAt = record.createdAt;
            key.persist();
        }
        em.flush();
        written.fire(new RecordWritten(record, true));
        return new Created(view(record), false);
    }

    /** Replaces (PUT) or merges (PATCH) the values, if the caller read the current version. */
    @Transactional
    public RecordView edit(Section section, Viewer viewer, UUID id, long expectedVersion, RecordInput input,
            FieldValues.Mode mode) {
        // Locked, so that of two edits sent with the same version the second sees the first and gets 412.
        RecordEntity record = reachable(section, viewer, id, LockModeType.PESSIMISTIC_WRITE);
        if (record.version != expectedVersion) {
            throw new PreconditionFailed(PreconditionFailed.STALE, "The record is at version " + record.version
                    + ", you sent If-Match for version " + expectedVersion + "; read it again and reapply your change");
        }
        if (section.locked(record.status)) {
            throw new ProblemException(RECORD_LOCKED, "The record is " + record.status + "; its values no longer change");
        }
        if (!viewer.staff() && (input.accountId() != null || input.contactUserId() != null)) {
            throw new InvalidFields(List.of(new Problem.FieldError(input.accountId() != null ? "accountId" : "contactUserId",
                    "is set by portal staff only")));
        }
        ObjectNode before = record.data;
        ObjectNode after = FieldValues.apply(section, before, input.values(), mode);
        checkReferences(section, viewer, record.accountId, after);
        if (viewer.staff() && input.contactUserId() != null) {
            record.contactUserId = input.contactUserId();
        }
        ObjectNode changes = FieldValues.changes(before, after);
        record.data = after;
        record.searchText = FieldValues.searchText(section, after);
        record.updatedAt = Instant.now(clock);
        if (!changes.isEmpty()) {
            addHistory(record.id, viewer.subject(), "edited", changes);
        }
        em.flush();
        if (!changes.isEmpty()) {
            written.fire(new RecordWritten(record, false));
        }
        return view(record);
    }

    @Transactional
    public List<HistoryView> history(Section section, Viewer viewer, UUID id) {
        reachable(section, viewer, id);
        return HistoryEntry.<HistoryEntry> list("recordId", Sort.by("id"), id).stream()
                .map(h -> new HistoryView(h.id, h.at, h.actor, h.action, h.changes)).toList();
    }

    /** The record, if it is in this section and within the viewer's reach; otherwise not found, never forbidden. */
    public RecordEntity reachable(Section section, Viewer viewer, UUID id) {
        return reachable(section, viewer, id, LockModeType.NONE);
    }

    public RecordEntity reachable(Section section, Viewer viewer, UUID id, LockModeType lock) {
        RecordEntity record = RecordEntity.findById(id, lock);
        boolean visible = record != null && record.sectionCode.equals(section.code())
                && viewer.reaches(record.accountId, record.ownerUserId, record.contactUserId);
        if (!visible) {
            throw new NotFound("No " + section.code() + " record " + id);
        }
        return record;
    }

    private static UUID accountFor(Viewer viewer, RecordInput input) {
        if (viewer.staff()) {
            if (input.accountId() == null) {
                throw new InvalidFields(
                        List.of(new Problem.FieldError("accountId", "staff name the account a record belongs to")));
            }
            return input.accountId();
        }
        if (input.accountId() != null || input.contactUserId() != null) {
            throw new InvalidFields(List.of(new Problem.FieldError(input.accountId() != null ? "accountId" : "contactUserId",
                    "is set by portal staff only")));
        }
        return viewer.accountId();
    }

    /** A reference must name a record of its target section in the same account. */
    private void checkReferences(Section section, Viewer viewer, UUID accountId, ObjectNode values) {
        for (FieldDefinition field : section.fields()) {
            JsonNode value = values.get(field.name());
            if (field.type() != FieldType.REFERENCE || value == null) {
                continue;
            }
            RecordEntity target = RecordEntity.findById(UUID.fromString(value.asText()));
            if (target == null || !target.sectionCode.equals(field.target()) || !target.accountId.equals(accountId)) {
                throw new InvalidFields(List.of(new Problem.FieldError("values." + field.name(),
                        "names no " + field.target() + " record of this account")));
            }
        }
    }

    public void addHistory(UUID recordId, String actor, String action, ObjectNode changes) {
        HistoryEntry entry = new HistoryEntry();
        entry.recordId = recordId;
        entry.at = Instant.now(clock);
        entry.actor = actor;
        entry.action = action;
        entry.changes = changes;
        entry.persist();
    }

    public RecordView view(RecordEntity r) {
        return new RecordView(r.id, r.sectionCode, r.accountId, r.ownerUserId, r.contactUserId, r.status,
                r.statusChangedAt, r.data,
                r.version, r.createdBy, r.createdAt, r.updatedAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.portal.sections.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.problem.InvalidFields;
import org.portal.problem.NotFound;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.sections.access.SubjectView;
import org.portal.sections.access.Viewer;
import org.portal.sections.access.ViewerResolver;
import org.portal.sections.definitions.Licensing;
import org.portal.sections.definitions.Lifecycle;
import org.portal.sections.definitions.Section;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionOperation;
import org.portal.sections.definitions.Sections;
import org.portal.sections.lifecycles.TransitionService;
import org.portal.sections.notifications.Notifications;
import org.portal.sections.records.RecordEntity;
import org.portal.sections.records.RecordService;
import org.portal.sections.webhooks.Webhooks;

import io.quarkus.panache.common.Sort;

/**
 * Approvals: a record sent to portal users of its account, who each approve or reject it. When all
 * approve, the record moves to its lifecycle's approved state; the first rejection moves it to the
 * rejected state and closes the request. A request's row is locked while a decision is taken, so
 * that of two approvers deciding at once the second counts the first.
 */
@ApplicationScoped
public class ApprovalService {

    public static final ProblemType NOT_SENDABLE = new ProblemType("approval-not-allowed",
            "The record cannot be sent for approval", 409);
    public static final ProblemType ALREADY_DECIDED = new ProblemType("already-decided", "Approval decided already", 409);
    public static final ProblemType REQUEST_CLOSED = new ProblemType("approval-closed", "Approval request closed", 409);
    public static final ProblemType OUTSIDE_ACCOUNT = new ProblemType("approval-outside-account",
            "The record is outside your account", 403);
    public static final int MAX_OPEN = 100;
    /** The viewer's undecided approvals of requests still pending, in their current account. */
    private static final String OPEN_OF_VIEWER = """
            where r.id = a.requestId and a.approverUserId = :me and a.decision is null and r.state = :pending
              and r.accountId = :account""";

    private final Sections sections;
    private final RecordService records;
    private final TransitionService transitions;
    private final ViewerResolver users;
    private final Licensing licensing;
    private final SectionAccess access;
    private final EntityManager em;
    private final Clock clock;

    private final Webhooks webhooks;
    private final Notifications notifications;

    public ApprovalService(Sections sections, RecordService records, TransitionService transitions, ViewerResolver users,
            Licensing licensing, SectionAccess access, EntityManager em, Clock clock, Notifications notifications,
            Webhooks webhooks) {
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.licensing = licensing;
        this.access = access;
        this.sections = sections;
        this.records = records;
        this.transitions = transitions;
        this.users = users;
        this.em = em;
        this.clock = clock;
    }

    /** Sends the record for approval to the named portal users of its account; the record waits, locked. */
    @Transactional
    public ApprovalRequestView send(Section section, Viewer viewer, UUID recordId, NewApprovalRequest request) {
        Lifecycle.Approval rules = TransitionService.lifecycle(section).approval();
        if (rules == null) {
            throw new ProblemException(NOT_SENDABLE, "Records of " + section.code() + " are not sent for approval");
        }
        // Approvers are looked up at portal-users-service and licensing-service before the row is locked.
        checkApprovers(section, viewer, records.reachable(section, viewer, recordId), request.approvers());
        RecordEntity record = records.reachable(section, viewer, recordId, LockModeType.PESSIMISTIC_WRITE);
        if (!rules.from().contains(record.status)) {
            throw new ProblemException(NOT_SENDABLE, "A " + section.code() + " record that is " + record.status
                    + " cannot be sent for approval; from " + rules.from() + " it can", Map.of("state", record.status));
        }
        ApprovalRequest sent = new ApprovalRequest();
        sent.id = UUID.randomUUID();
        sent.recordId = record.id;
        sent.sectionCode = section.code();
        sent.accountId = record.accountId;
        sent.requestedBy = viewer.subject();
        sent.requestedByUserId = viewer.staff() ? null : viewer.userId();
        sent.message = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        sent.state = ApprovalRequest.State.pending;
        sent.createdAt = Instant.now(clock);
        sent.persist();
        List<Approval> approvals = new ArrayList<>();
        for (UUID approver : new HashSet<>(request.approvers())) {
            Approval approval = new Approval();
            approval.id = UUID.randomUUID();
            approval.requestId = sent.id;
            approval.approverUserId = approver;
            approval.persist();
            approvals.add(approval);
            notifications.tell(approver, Notifications.Kind.APPROVAL_REQUESTED, Map.of(
                    "title", section.title() + " " + labelOf(record),
                    "requester", viewer.staff() ? "The support team" : "A colleague in your organization",
                    "message", sent.message == null ? "" : Notifications.excerpt(sent.message, 1000),
                    "path", "/approvals"));
        }
        transitions.move(record, rules.pending(), viewer.subject());
        em.flush();
        return ApprovalRequestView.from(sent, approvals);
    }

    /** The requests made for a record, newest first, with each approver's decision. */
    @Transactional
    public List<ApprovalRequestView> ofRecord(Section section, Viewer viewer, UUID recordId) {
        records.reachable(section, viewer, recordId);
        return ApprovalRequest.<ApprovalRequest> list("recordId", Sort.descending("createdAt"), recordId).stream()
                .map(r -> ApprovalRequestView.from(r, Approval.list("requestId", Sort.by("id"), r.id))).toList();
    }

    /** The caller's approvals that wait for their decision, oldest first, and their number. */
    @Transactional
    public OpenApprovals open(Viewer viewer, int limit) {
        List<Object[]> rows = em
                .createQuery("select a, r, e from Approval a, ApprovalRequest r, RecordEntity e " + OPEN_OF_VIEWER
                        + " and e.id = r.recordId order by r.createdAt, a.id", Object[].class)
                .setParameter("me", viewer.userId()).setParameter("account", viewer.accountId())
                .setParameter("pending", ApprovalRequest.State.pending).setMaxResults(limit)
                .getResultList();
        List<OpenApproval> items = rows.stream().map(row -> {
            Approval approval = (Approval) row[0];
            ApprovalRequest request = (ApprovalRequest) row[1];
            return new OpenApproval(approval.id, request.id, request.requestedBy, request.message, request.createdAt,
                    records.view((RecordEntity) row[2]));
        }).toList();
        long open = items.size() < limit ? items.size()
                : em.createQuery("select count(a) from Approval a, ApprovalRequest r " + OPEN_OF_VIEWER, Long.class)
                        .setParameter("me", viewer.userId()).setParameter("account", viewer.accountId())
                        .setParameter("pending", ApprovalRequest.State.pending).getSingleResult();
        return new OpenApprovals(items, open);
    }

    @Transactional
    public ApprovalRequestView decide(Viewer viewer, UUID approvalId, DecisionRequest decision) {
        Approval approval = Approval.findById(approvalId);
        if (approval == null || !approval.approverUserId.equals(viewer.userId())) {
            throw new NotFound("No approval " + approvalId + " of yours");
        }
        ApprovalRequest request = ApprovalRequest.findById(approval.requestId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(approval);
        if (!request.accountId.equals(viewer.accountId())) {
            throw new ProblemException(OUTSIDE_ACCOUNT, "The record of approval " + approvalId
                    + " belongs to another account than yours; it cannot be decided by you");
        }
        if (approval.decision != null) {
            throw new ProblemException(ALREADY_DECIDED, "You decided this approval already: " + approval.decision,
                    Map.of("decision", approval.decision));
        }
        if (request.state != ApprovalRequest.State.pending) {
            throw new ProblemException(REQUEST_CLOSED, "The request was " + request.state + " before your decision");
        }
        if (decision.decision() == ApprovalDecision.reject
                && (decision.comment() == null || decision.comment().isBlank())) {
            throw new InvalidFields(List.of(new Problem.FieldError("comment", "a rejection says why")));
        }
        Instant now = Instant.now(clock);
        approval.decision = decision.decision();
        approval.comment = decision.comment() == null || decision.comment().isBlank() ? null : decision.comment().strip();
        approval.decidedAt = now;
        List<Approval> all = Approval.list("requestId", Sort.by("id"), request.id);
        boolean rejected = decision.decision() == ApprovalDecision.reject;
        if (rejected || all.stream().allMatch(a -> a.decision != null)) {
            complete(request, rejected ? ApprovalRequest.State.rejected : ApprovalRequest.State.approved, viewer.subject(),
                    now);
            if (request.requestedByUserId != null) {
                RecordEntity record = RecordEntity.findById(request.recordId);
                notifications.tell(request.requestedByUserId, Notifications.Kind.APPROVAL_DECIDED, Map.of(
                        "title", sections.require(request.sectionCode).title() + " " + labelOf(record),
                        "decider", rejected ? "An approver" : "The approvers",
                        "decision", request.state.name(),
                        "comment", approval.comment == null ? "" : Notifications.excerpt(approval.comment, 1000),
                        "path", "/approvals"));
            }
        }
        em.flush();
        return ApprovalRequestView.from(request, all);
    }

    /** How a mail names a record: its subject, title or number, as its section has one. */
    private static String labelOf(RecordEntity record) {
        for (String field : List.of("subject", "title", "number", "name")) {
            String value = record.data.path(field).asText("");
            if (!value.isBlank()) {
                return "\"" + value + "\"";
            }
        }
        return record.id.toString();
    }

    /** Closes the request and moves the record to the outcome's state of its lifecycle. */
    private void complete(ApprovalRequest request, ApprovalRequest.State outcome, String actor, Instant now) {
        request.state = outcome;
        request.completedAt = now;
        RecordEntity record = RecordEntity.findById(request.recordId, LockModeType.PESSIMISTIC_WRITE);
        webhooks.approvalDecided(record, request.id, outcome.name());
        Section section = sections.require(request.sectionCode);
        Lifecycle.Approval rules = section.lifecycle() == null ? null : section.lifecycle().approval();
        if (rules != null && record.status.equals(rules.pending())) {
            transitions.move(record, outcome == ApprovalRequest.State.approved ? rules.approved() : rules.rejected(), actor);
        }
    }

    /**
     * Approvers are active portal users, other than the one who sends it, who could read the record
     * themselves: their scope reaches it and their edition grants reading its section.
     */
    private void checkApprovers(Section section, Viewer viewer, RecordEntity record, List<UUID> approvers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < approvers.size(); i++) {
            UUID id = approvers.get(i);
            String at = "approvers[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new Problem.FieldError(at, "is named twice"));
            } else if (id.equals(viewer.userId())) {
                errors.add(new Problem.FieldError(at, "you cannot approve what you send"));
            } else {
                SubjectView user = users.portalUser(id).orElse(null);
                if (user == null || !record.accountId.equals(user.accountId()) || !"active".equals(user.status())) {
                    errors.add(new Problem.FieldError(at, "is not an active portal user of the record's account"));
                } else if (!Viewer.portalUser(user).reaches(record.accountId, record.ownerUserId, record.contactUserId)) {
                    errors.add(new Problem.FieldError(at, "cannot see this record (their scope is their own records)"));
                } else if (!licensing.cachedEntitlement(id)
                        .map(entitlement -> access.grants(entitlement, section.code(), SectionOperation.read)).orElse(false)) {
                    errors.add(new Problem.FieldError(at, "has no seat whose edition grants section " + section.code()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }
}

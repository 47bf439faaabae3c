package org.portal.sections.mainpage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.problem.InvalidFields;
import org.portal.problem.NotFound;
import org.portal.problem.Problem;
import org.portal.sections.access.Viewer;
import org.portal.sections.approvals.ApprovalService;
import org.portal.sections.definitions.Licensing;
import org.portal.sections.definitions.Section;
import org.portal.sections.definitions.Sections;
import org.portal.sections.knowledge.KnowledgeSearch;
import org.portal.sections.records.PreconditionFailed;
import org.portal.sections.records.RecordEntity;
import org.portal.sections.records.RecordService;

/** The main page of each edition: its configuration, and a caller's page with every widget's data. */
@ApplicationScoped
public class MainPageService {

    private static final String CASES = "cases";

    private final Sections sections;
    private final KnowledgeSearch knowledge;
    private final ApprovalService approvals;
    private final RecordService records;
    private final EntityManager em;
    private final Clock clock;
    private final AuditTrail audit;
    private final Licensing licensing;

    public MainPageService(Sections sections, KnowledgeSearch knowledge, ApprovalService approvals, RecordService records,
            EntityManager em, Clock clock, Licensing licensing, AuditTrail audit) {
        this.audit = audit;
        this.licensing = licensing;
        this.sections = sections;
        this.knowledge = knowledge;
        this.approvals = approvals;
        this.records = records;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public MainPageSettings settings(String edition) {
        return view(find(edition, LockModeType.NONE));
    }

    /**
     * Saves an edition's page. Each widget must make sense for the edition: one bound to a section
     * (knowledge base, cases) needs the edition to have it, and approvals need a section of the
     * edition whose records are sent for approval. {@code grants} are the edition's sections from the
     * licensing catalogue.
     */
    @Transactional
    public MainPageSettings save(String edition, List<Widget> widgets, Map<String, List<String>> grants, Long expectedVersion,
            String admin) {
        check(edition, widgets, grants);
        MainPage page = find(edition, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && page.version != expectedVersion) {
            throw new PreconditionFailed(PreconditionFailed.STALE, "The " + edition + " main page is at version " + page.version
                    + ", you sent If-Match for version " + expectedVersion);
        }
        Map<String, Object> before = Map.of("widgets", page.widgets == null ? List.of() : page.widgets);
        page.widgets = List.copyOf(widgets);
        audit.record("main-page.changed", "main-page", edition, null, before, Map.of("widgets", page.widgets));
        page.updatedBy = admin;
        page.updatedAt = Instant.now(clock);
        if (!page.isPersistent()) {
            page.persist();
        }
        em.flush();
        return view(page);
    }

    /**
     * The page of an edition with each widget's data for this viewer. {@code granted} are the sections
     * the viewer's entitlement grants (null for staff previewing an edition): a widget bound to a
     * section they lack, a customer portal on a product without cases say, is left out.
     */
    @Transactional
    public MainPageView page(Viewer viewer, String edition, Set<String> granted) {
        List<FilledWidget> filled = new ArrayList<>();
        for (Widget widget : find(edition, LockModeType.NONE).widgets) {
            if (granted != null && widget.section().filter(s -> !granted.contains(s)).isPresent()) {
                continue;
            }
            filled.add(new FilledWidget(widget, data(widget, viewer)));
        }
        return new MainPageView(edition, filled);
    }

    private Object data(Widget widget, Viewer viewer) {
        return switch (widget.type()) {
            case POPULAR_ARTICLES -> knowledge.popular(widget.effectiveLimit()).stream().map(ArticleSummary::from).toList();
            case MY_OPEN_CASES -> viewer.staff() ? null : openCases(viewer, widget.effectiveLimit());
            case MY_PENDING_APPROVALS -> viewer.staff() ? null : approvals.open(viewer, widget.effectiveLimit());
            default -> null;
        };
    }

    /** Cases the viewer opened or is the contact of, in a state that still needs work. */
    private OpenCases openCases(Viewer viewer, int limit) {
        Section cases = sections.require(CASES);
        List<String> open = cases.lifecycle() == null ? List.of() : cases.lifecycle().openStates();
        if (open.isEmpty()) {
            return new OpenCases(List.of(), 0);
        }
        String where = "sectionCode = :section and accountId = :account and (ownerUserId = :me or contactUserId = :me)"
                + " and status in :open";
        List<RecordEntity> rows = em.createQuery("from RecordEntity where " + where + " order by updatedAt desc, id desc",
                RecordEntity.class).setParameter("section", CASES).setParameter("account", viewer.accountId())
                .setParameter("me", viewer.userId()).setParameter("open", open).setMaxResults(limit).getResultList();
        long count = rows.size() < limit ? rows.size()
                : em.createQuery("select count(r) from RecordEntity r where " + where, Long.class)
                        .setParameter("section", CASES).setParameter("account", viewer.accountId())
                        .setParameter("me", viewer.userId()).setParameter("open", open).getSingleResult();
        return new OpenCases(rows.stream().map(records::view).toList(), count);
    }

    private void check(String edition, List<Widget> widgets, Map<String, List<String>> grants) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean approvalsPossible = sections.all().stream()
                .anyMatch(s -> s.lifecycle() != null && s.lifecycle().approval() != null
                        && (s.custom() ? s.editions().contains(edition) : grants.containsKey(s.code())));
        for (int i = 0; i < widgets.size(); i++) {
            Widget widget = widgets.get(i);
            String at = "widgets[" + i + "]";
            widget.section().filter(s -> !grants.containsKey(s)).ifPresent(s -> errors.add(new Problem.FieldError(at,
                    "the " + edition + " edition has no " + s + " section")));
            if (widget.type() == Widget.Type.MY_PENDING_APPROVALS && !approvalsPossible) {
                errors.add(new Problem.FieldError(at, "no section of the " + edition + " edition is sent for approval"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }

    /**
     * The edition's page; an edition of the licensing catalogue that has none yet gets an empty one,
     * kept once an administrator saves it. Editions are the catalogue's data, never listed here.
     */
    private MainPage find(String edition, LockModeType lock) {
        MainPage page = MainPage.findById(edition, lock);
        if (page != null) {
            return page;
        }
        if (licensing.edition(edition).isEmpty()) {
            throw new NotFound("No edition " + edition + " in the licensing catalogue");
        }
        MainPage empty = new MainPage();
        empty.edition = edition;
        empty.widgets = List.of();
        empty.updatedBy = "default";
        empty.updatedAt = Instant.now(clock);
        return empty;
    }

    private MainPageSettings view(MainPage page) {
        return new MainPageSettings(page.edition, page.widgets, page.updatedBy, page.updatedAt, page.version);
    }
}

package org.portal.sections.definitions;

import jakarta.enterprise.context.ApplicationScoped;

import org.portal.problem.AccessProblems;
import org.portal.sections.access.Viewer;
import org.portal.sections.access.ViewerResolver;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller, allowed what they ask on a section: staff as their roles allow, a portal user only what
 * their edition grants (the base grants from their entitlement, or a custom section made for their
 * edition). The gateway refuses the same calls first; this holds when a call reaches the service
 * another way, and answers with the same problems.
 */
@ApplicationScoped
public class SectionAccess {

    private final ViewerResolver viewers;
    private final Licensing licensing;
    private final Sections sections;
    private final SecurityIdentity identity;

    public SectionAccess(ViewerResolver viewers, Licensing licensing, Sections sections, SecurityIdentity identity) {
        this.viewers = viewers;
        this.licensing = licensing;
        this.sections = sections;
        this.identity = identity;
    }

    /** The caller, when they may do the operation on the section; a 403 problem otherwise. */
    public Viewer require(String section, SectionOperation operation) {
        Viewer viewer = viewers.resolve(identity);
        if (!viewer.staff()) {
            Licensing.Entitlement entitlement = entitlement(viewer);
            if (!grants(entitlement, section, operation)) {
                throw AccessProblems.notGranted(entitlement.edition(), section, operation.name());
            }
        }
        return viewer;
    }

    /** The caller, when they are staff or a portal user holding a seat (calls that name no section). */
    public Viewer requireSeat() {
        Viewer viewer = viewers.resolve(identity);
        if (!viewer.staff()) {
            entitlement(viewer);
        }
        return viewer;
    }

    /** Whether the entitlement allows the operation on the section (the rule the gateway also applies). */
    public boolean grants(Licensing.Entitlement entitlement, String section, SectionOperation operation) {
        boolean base = entitlement.sections().stream()
                .anyMatch(grant -> grant.code().equals(section) && grant.operations().contains(operation.name()));
        return base || sections.find(section).filter(Section::custom)
                .map(custom -> custom.editions().contains(entitlement.edition())).orElse(false);
    }

    private Licensing.Entitlement entitlement(Viewer viewer) {
        return licensing.cachedEntitlement(viewer.userId()).orElseThrow(AccessProblems::noSeat);
    }
}

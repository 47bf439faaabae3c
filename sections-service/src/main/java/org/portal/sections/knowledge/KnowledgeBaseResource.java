package org.portal.sections.knowledge;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.sections.access.ViewerResolver;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionCall;
import org.portal.sections.definitions.SectionDefinition;
import org.portal.sections.definitions.SectionOperation;
import org.portal.sections.records.ETags;
import org.portal.sections.records.PreconditionFailed;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The knowledge base section: articles are shared by every account, so no record belongs to one. */
@Path("/api/sections/knowledge-base/records")
@Tag(name = "Knowledge base")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeBaseResource {

    static final int MAX_PAGE = 100;

    private final KnowledgeBaseService knowledgeBase;
    private final KnowledgeSearch search;
    private final SecurityIdentity caller;
    private final SectionAccess access;
    private final ViewerResolver viewers;

    public KnowledgeBaseResource(KnowledgeBaseService knowledgeBase, KnowledgeSearch search, SecurityIdentity caller,
            SectionAccess access, ViewerResolver viewers) {
        this.viewers = viewers;
        this.knowledgeBase = knowledgeBase;
        this.search = search;
        this.caller = caller;
        this.access = access;
    }

    @GET
    @Path("/search")
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Operation(summary = "Full-text search, best match first, with highlighted snippets")
    public List<SearchHit> searchArticles(@QueryParam("q") @NotBlank @Size(max = 200) String q,
            @QueryParam("language") @Pattern(regexp = SearchLanguage.PATTERN) @Size(max = 20) @Parameter(description = "The articles' language; "
                    + "a portal user's preferred language unless given, else english") String language,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE) int limit) {
        boolean staff = isStaff();
        String searched = language != null ? language
                : SearchLanguage.of(viewers.preferredLanguage(caller).orElse(null));
        return search.search(q, searched, !staff, limit);
    }

    @GET
    @Path("/popular")
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Operation(summary = "The most read published articles")
    public List<ArticleView> listPopularArticles(@QueryParam("limit") @DefaultValue("5") @Min(1) @Max(50) int limit) {
        isStaff();
        return search.popular(limit);
    }

    @POST
    @Path("/{id}/votes")
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say whether the article helped, with an optional comment; one vote per reader, a new one replaces it")
    @SectionCall(value = SectionOperation.read, section = SectionDefinition.KNOWLEDGE_BASE)
    public Votes voteOnArticle(@PathParam("id") UUID id, @Valid @NotNull VoteRequest vote) {
        return search.vote(id, caller.getPrincipal().getName(), vote, !isStaff());
    }

    @GET
    @Path("/{id}/votes")
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    public Votes getArticleVotes(@PathParam("id") UUID id) {
        knowledgeBase.get(id, !isStaff());
        return search.votes(id);
    }

    @GET
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Operation(summary = "Knowledge base articles, newest first; portal users see published ones only")
    public ArticlePage listArticles(@QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE) int limit) {
        return knowledgeBase.list(!isStaff(), offset, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Operation(summary = "One article; portal users see published ones only")
    @APIResponse(responseCode = "404", description = "No such article (or not published)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200", responseDescription = "The article")
    public ArticleView getArticle(@PathParam("id") UUID id) {
        ArticleView article = ArticleView.from(knowledgeBase.get(id, !isStaff()));
        if (!isStaff()) {
            search.viewed(id);
        }
        return article;
    }

    /** Whether the reader is staff; a portal user must be active with an edition that reads the knowledge base. */
    private boolean isStaff() {
        return access.require(SectionDefinition.KNOWLEDGE_BASE, SectionOperation.read).staff();
    }

    @POST
    @RolesAllowed(Roles.PORTAL_AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write an article (agents)")
    @APIResponseSchema(value = ArticleView.class, responseCode = "201", responseDescription = "Created")
    public Response writeArticle(@Valid @NotNull NewArticle request) {
        ArticleView created = ArticleView.from(knowledgeBase.write(request, caller.getPrincipal().getName()));
        return Response.created(URI.create("/api/sections/knowledge-base/records/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PORTAL_AGENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the article's text (agents); If-Match with its ETag is required, and the text before "
            + "stays as a version")
    @APIResponse(responseCode = "412", description = "The article changed since that version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    @APIResponseSchema(value = ArticleView.class, responseCode = "200", responseDescription = "Changed; ETag holds the new version")
    public Response changeArticle(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = 100) String ifMatch,
            @Valid @NotNull ArticleChange change) {
        Long version = ETags.version(ifMatch);
        if (version == null) {
            throw new PreconditionFailed(PreconditionFailed.REQUIRED, "Send If-Match with the ETag of the version you edit");
        }
        ArticleView changed = ArticleView.from(knowledgeBase.change(id, version, change, caller.getPrincipal().getName()));
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PORTAL_AGENT)
    @Operation(summary = "Publish the article (agents): portal users find it at once")
    public ArticleView publishArticle(@PathParam("id") UUID id) {
        return ArticleView.from(knowledgeBase.publish(id, true));
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed(Roles.PORTAL_AGENT)
    @Operation(summary = "Take the article back (agents): portal users no longer find, read or vote on it")
    public ArticleView unpublishArticle(@PathParam("id") UUID id) {
        return ArticleView.from(knowledgeBase.publish(id, false));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PORTAL_AGENT)
    @Operation(summary = "Delete the article with its versions, votes and feedback (agents)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteArticle(@PathParam("id") UUID id) {
        knowledgeBase.delete(id);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Operation(summary = "Every version of the article's text, newest first (staff)")
    public List<ArticleVersion> listArticleVersions(@PathParam("id") UUID id) {
        return knowledgeBase.versions(id);
    }
}

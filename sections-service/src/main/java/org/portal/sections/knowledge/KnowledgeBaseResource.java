package org.portal.sections.knowledge;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionCall;
import org.portal.sections.definitions.SectionDefinition;
import org.portal.sections.definitions.SectionOperation;
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

    public KnowledgeBaseResource(KnowledgeBaseService knowledgeBase, KnowledgeSearch search, SecurityIdentity caller,
            SectionAccess access) {
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
            @QueryParam("language") @DefaultValue("english") @Pattern(regexp = "simple|english|german|french|spanish|italian|dutch|portuguese") @Size(max = 20) String language,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(MAX_PAGE) int limit) {
        return search.search(q, language, !isStaff(), limit);
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
    @Operation(summary = "Say whether the article helped; one vote per reader, a new one replaces it")
    @SectionCall(value = SectionOperation.read, section = SectionDefinition.KNOWLEDGE_BASE)
    public Votes voteOnArticle(@PathParam("id") java.util.UUID id, @Valid @NotNull VoteRequest vote) {
        return search.vote(id, caller.getPrincipal().getName(), vote.helpful(), !isStaff());
    }

    @GET
    @Path("/{id}/votes")
    @RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    public Votes getArticleVotes(@PathParam("id") java.util.UUID id) {
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
    public ArticleView getArticle(@PathParam("id") java.util.UUID id) {
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
        return Response.created(URI.create("/api/sections/knowledge-base/records/" + created.id())).entity(created).build();
    }
}

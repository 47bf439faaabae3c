package org.portal.sections.attachments;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.portal.problem.CommonProblems;
import org.portal.problem.NotFound;
import org.portal.problem.ProblemException;
import org.portal.sections.ApiNames;
import org.portal.sections.definitions.Section;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionCall;
import org.portal.sections.definitions.SectionDefinition;
import org.portal.sections.definitions.SectionOperation;
import org.portal.sections.definitions.Sections;
import org.portal.tokens.Roles;

@Path("/api/sections/{code}/records/{id}/attachments")
@Tag(name = "Attachments")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
public class AttachmentResource {

    private final AttachmentService attachments;
    private final SectionAccess access;
    private final Sections sections;

    public AttachmentResource(AttachmentService attachments, SectionAccess access, Sections sections) {
        this.attachments = attachments;
        this.access = access;
        this.sections = sections;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file to a record (form field `file`), or to one of a case's comments (`commentId`)", description = "The type is read from the bytes and must be one the portal takes; the name is cleaned of folders "
            + "and unsafe characters. An upload counts as an edit of the record.")
    @APIResponse(responseCode = "404", description = "No such record (or comment) within your reach")
    @APIResponse(responseCode = "409", description = "The record has all the files it may have")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit")
    @APIResponse(responseCode = "415", description = "The file is of a type the portal does not take")
    @APIResponse(responseCode = "422", description = "The section takes no files")
    @APIResponse(responseCode = "503", description = "The file store does not answer")
    @APIResponseSchema(value = AttachmentView.class, responseCode = "201", responseDescription = "Attached")
    @SectionCall(SectionOperation.edit)
    public Response uploadAttachment(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code, @PathParam("id") UUID id,
            @RestForm("file") @Schema(type = SchemaType.STRING, format = "binary", maxLength = 26214400) FileUpload file,
            @RestForm("commentId") UUID commentId) {
        if (file == null) {
            throw new ProblemException(CommonProblems.BAD_REQUEST, "Send the file as the multipart form field 'file'");
        }
        AttachmentView attached = attachments.upload(section(code), access.require(code, SectionOperation.edit), id, commentId,
                new AttachmentService.Upload(file.uploadedFile(), file.fileName(), file.size()));
        return Response.status(Response.Status.CREATED).entity(attached).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The record's files, oldest first; staff also see those on internal notes")
    @APIResponse(responseCode = "404", description = "No such record within your reach")
    @APIResponseSchema(value = AttachmentView[].class, responseCode = "200", responseDescription = "The files")
    public List<AttachmentView> listAttachments(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @PathParam("id") UUID id) {
        return attachments.list(section(code), access.require(code, SectionOperation.read), id);
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "The file's bytes, with its stored type and a download name")
    @APIResponse(responseCode = "200", description = "The bytes", content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such file within your reach")
    @APIResponse(responseCode = "503", description = "The file store does not answer")
    public Response downloadAttachment(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Download download = attachments.download(section(code), access.require(code, SectionOperation.read),
                id, attachmentId);
        StreamingOutput bytes = out -> {
            try (var in = download.bytes()) {
                in.transferTo(out);
            }
        };
        AttachmentView file = download.attachment();
        return Response.ok(bytes, file.contentType())
                .header("Content-Length", file.size())
                .header("Content-Disposition", FileNames.contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @DELETE
    @Path("/{attachmentId}")
    @RolesAllowed({ Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
    @Operation(summary = "Remove a file (staff only)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such file")
    public Response removeAttachment(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        attachments.remove(section(code), access.require(code, SectionOperation.read), id, attachmentId);
        return Response.noContent().build();
    }

    private Section section(String code) {
        if (SectionDefinition.KNOWLEDGE_BASE.equals(code)) {
            throw new NotFound("Knowledge base articles take no attachments");
        }
        return sections.require(code);
    }
}

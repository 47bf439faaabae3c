package org.portal.licensing.catalogue;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api/licensing/catalogue")
@Tag(name = "Licensing catalogue")
@Authenticated
public class CatalogueResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Editions, main products and base sections, with what each edition grants")
    public CatalogueView getCatalogue() {
        return CatalogueView.of(Edition.listAll(), MainProduct.listAll(), BaseSection.listAll());
    }
}

package org.muster.registry.transfer;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.muster.platform.security.Roles;

/**
 * Bulk import of the consulate's existing records, and export of the registry, as CSV with the
 * columns documented in {@link RecordColumns}.
 *
 * <ul>
 * <li>{@code POST /nationals/import} ({@code text/csv}, UTF-8, header row; at most 10,000 rows):
 * 200 with {@code {imported, unchanged, rejected: [{line, field, message}]}}. Valid rows are
 * imported, each in a transaction of its own; a row whose external id was imported before with
 * the same values is unchanged, with other values rejected; a document registered to someone
 * else rejects the row. A file that cannot be read (a required column missing from the header,
 * broken quoting, empty) is a 400 problem and imports nothing; too many rows a 413 problem.</li>
 * <li>{@code GET /nationals/export}: every national as {@code text/csv}, audited once.</li>
 * </ul>
 * Both need the consular-officer role: the records are personal data.
 */
@Path("/nationals")
public class TransferResource {

    @Inject
    NationalImport imports;

    @Inject
    NationalExport exports;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/import")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Consumes(RecordColumns.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportSummary importCsv(String csv) {
        return imports.importCsv(csv, identity.getPrincipal().getName());
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Produces(RecordColumns.MEDIA_TYPE + ";charset=UTF-8")
    public Response exportCsv() {
        return Response.ok(exports.exportCsv(identity.getPrincipal().getName()))
                .header("Content-Disposition", "attachment; filename=\"nationals.csv\"")
                .build();
    }
}
